package org.visitwise.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies EHR service-account tokens with the SmallRye JWT parser: asymmetric signature by the
 * configured key (RS256 only: no {@code alg=none}, no HMAC), issuer, audience, expiry with a
 * small skew, a short lifetime, a client ({@code azp}) configured as a service account, and a
 * {@code jti} seen only once (replays refused for as long as the
 * token could live). No part of a refused token is logged or kept.
 */
@ApplicationScoped
public class ServiceAccountVerifier implements IdentityProvider<ServiceAccountToken> {

    private final Optional<DefaultJWTParser> parser;
    private final Set<String> clients;
    private final Cache<String, Boolean> seen;

    ServiceAccountVerifier(ServiceAccountConfig config) {
        this.clients = config.clientIds().orElse(Set.of());
        this.parser = config.clientIds().isEmpty() ? Optional.empty()
                : config.issuer().flatMap(issuer -> config.publicKeyLocation().map(keys -> parser(config, issuer, keys)));
        Duration replayWindow = config.maxLifetime().plus(config.clockSkew()).multipliedBy(2);
        this.seen = Caffeine.newBuilder().expireAfterWrite(replayWindow).maximumSize(1_000_000).build();
    }

    private static DefaultJWTParser parser(ServiceAccountConfig config, String issuer, String keys) {
        // a bare path is a file (SmallRye JWT would look for it on the class path)
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.startsWith("/") ? "file:" + keys : keys, issuer);
        info.setExpectedAudience(Set.of(config.audience()));
        // one algorithm: SmallRye JWT loads a PEM key for the first algorithm of the set it is given
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setMaxTimeToLiveSecs(config.maxLifetime().toSeconds());
        // not setExpGracePeriodSecs or setRequiredClaims: with either, SmallRye JWT 4.6 fails to load any key
        info.setClockSkew((int) config.clockSkew().toSeconds());
        return new DefaultJWTParser(info);
    }

    @Override
    public Class<ServiceAccountToken> getRequestType() {
        return ServiceAccountToken.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ServiceAccountToken request, AuthenticationRequestContext context) {
        // key retrieval (JWKS) may block
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> verify(request.token(), http));
    }

    SecurityIdentity verify(String token) {
        return verify(token, null);
    }

    /** Verifies the token; the request's routing context, when known, goes on the identity as usual. */
    SecurityIdentity verify(String token, RoutingContext http) {
        if (parser.isEmpty()) {
            throw new AuthenticationFailedException("service accounts are not configured");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.get().parse(token);
        } catch (ParseException e) {
            throw new AuthenticationFailedException("service-account token refused", e);
        }
        String client = jwt.containsClaim("azp") ? jwt.getClaim("azp").toString() : String.valueOf((Object) jwt.getClaim("client_id"));
        if (!clients.contains(client.replace("\"", ""))) {
            throw new AuthenticationFailedException("token of a client that is no EHR service account");
        }
        if (jwt.getTokenID() == null || jwt.getTokenID().isBlank() || jwt.getIssuedAtTime() <= 0) {
            throw new AuthenticationFailedException("service-account token without jti or iat");
        }
        if (seen.asMap().putIfAbsent(jwt.getIssuer() + " " + jwt.getTokenID(), Boolean.TRUE) != null) {
            throw new AuthenticationFailedException("service-account token replayed");
        }
        Object scope = jwt.getClaim("scope");
        Set<String> scopes = scope == null ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(scope.toString().replace("\"", "").trim().split("\\s+")));
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder();
        if (http != null) {
            identity.addAttribute(RoutingContext.class.getName(), http);
        }
        return identity
                .setPrincipal(jwt)
                .addRoles(new HashSet<>(jwt.getGroups()))
                .addAttribute(RoleAugmentor.SERVICE_ACCOUNT, Boolean.TRUE)
                .addAttribute(RoleAugmentor.TOKEN_SCOPES, Set.copyOf(scopes))
                .addCredential(new io.quarkus.security.credential.TokenCredential(token, "bearer"))
                .build();
    }
}
