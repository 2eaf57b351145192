package org.visitwise.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens on {@code /api/v1/ehr/*} are EHR service-account tokens and nothing else: this
 * mechanism runs before the OIDC one and claims those paths, so a person's token is never accepted
 * there. Elsewhere a service-account token holds nothing: the OIDC tenant refuses it when another
 * issuer signs it, and {@link RoleAugmentor} grants no people's role to a token issued to one of the
 * EHR's clients when the same IdP issues both.
 */
@ApplicationScoped
public class ServiceAccountMechanism implements HttpAuthenticationMechanism {

    /** The machine callers' part of the API. */
    public static final String PATH_PREFIX = "/api/v1/ehr/";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!context.normalizedPath().startsWith(PATH_PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // no credentials: anonymous, and the endpoint's permission check answers 401
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        var request = new ServiceAccountToken(header.substring(BEARER.length()).trim());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ServiceAccountToken.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION,
                "bearer", "ehr-service-account"));
    }

    @Override
    public int getPriority() {
        // before the OIDC bearer mechanism, which would otherwise reject the EHR's tokens first
        return DEFAULT_PRIORITY + 100;
    }
}
