package org.visitwise.security;

import java.security.Permission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.visitwise.api.CurrentRequest;
import org.visitwise.ehr.EhrConfig;

import io.quarkus.runtime.Startup;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Grants each verified identity the permissions of its one role in {@code scopes/roles.yaml}, and
 * nothing else: endpoints declare {@code @PermissionsAllowed}, this decides who holds what. People
 * can never hold a service-account role (and the reverse), a token the IdP issued to a service client
 * holds no people's role, and a service account holds its role only when its token carries every SMART
 * scope the role lists. Permissions the authentication mechanism derived itself are dropped.
 */
@ApplicationScoped
public class RoleAugmentor implements SecurityIdentityAugmentor {

    /** Identity attribute: the caller's {@link Role}. */
    public static final String ROLE = "visitwise.role";
    /** Identity attribute set by the service-account mechanism: {@code true}. */
    public static final String SERVICE_ACCOUNT = "visitwise.service-account";
    /** Identity attribute set by the service-account mechanism: the token's scopes. */
    public static final String TOKEN_SCOPES = "visitwise.token-scopes";

    private final RolePolicy policy;
    private final Set<String> serviceClients;

    RoleAugmentor(RolePolicy policy, ServiceAccountConfig serviceAccounts) {
        this.policy = policy;
        this.serviceClients = serviceAccounts.clientIds().orElse(Set.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        boolean service = Boolean.TRUE.equals(identity.getAttribute(SERVICE_ACCOUNT));
        Optional<Role> role = service || !issuedToAServiceClient(identity)
                ? policy.roleOf(identity.getRoles(), service).filter(r -> scopesCarried(identity, r))
                : Optional.empty();
        // a fresh identity: whatever permissions the authentication mechanism derived (quarkus-oidc turns
        // every value of a token's scope claim into one) must not survive; only the role's count
        QuarkusSecurityIdentity.Builder fresh = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addAttributes(identity.getAttributes())
                .addCredentials(identity.getCredentials()).setAnonymous(false);
        if (role.isPresent()) {
            CurrentRequest.role(HttpSecurityUtils.getRoutingContextAttribute(identity), role.get().name());
            List<Permission> granted = role.get().permissions().stream()
                    .map(p -> (Permission) new StringPermission(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 1)))
                    .toList();
            fresh.addAttribute(ROLE, role.get())
                    .addPermissionChecker(wanted -> Uni.createFrom().item(granted.stream().anyMatch(g -> g.implies(wanted))));
        }
        return Uni.createFrom().item(fresh.build());
    }

    /** A people's token the IdP issued to one of the EHR's service clients (same realm): it is no person. */
    private boolean issuedToAServiceClient(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return false;
        }
        Object azp = jwt.getClaim("azp");
        return azp != null && serviceClients.contains(azp.toString().replace("\"", ""));
    }

    private static boolean scopesCarried(SecurityIdentity identity, Role role) {
        Set<String> carried = identity.getAttribute(TOKEN_SCOPES);
        return role.tokenScopes().isEmpty() || carried != null && carried.containsAll(role.tokenScopes());
    }

    /** The role policy, read once at start-up (a missing or invalid file stops the start). */
    static class PolicyProducer {
        @Produces
        @Singleton
        @Startup
        RolePolicy rolePolicy(EhrConfig config) {
            return RolePolicy.load(config.scopesDirectory());
        }
    }
}
