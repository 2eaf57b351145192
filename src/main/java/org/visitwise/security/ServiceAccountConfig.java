package org.visitwise.security;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * EHR service accounts ({@code visitwise.service-accounts.*}): machine callers of {@code /api/v1/ehr/*}
 * with signed JWTs. Without an issuer, a key and the client ids, every service-account token is refused.
 */
@ConfigMapping(prefix = "visitwise.service-accounts")
public interface ServiceAccountConfig {

    /** Expected {@code iss}, e.g. the IdP realm that issues the EHR's client-credentials tokens. */
    Optional<String> issuer();

    /**
     * The OAuth clients that are EHR service accounts: a token's {@code azp} (or {@code client_id})
     * must be one of them. Keeps tokens the same IdP issues to people's apps off the EHR endpoints.
     */
    Optional<Set<String>> clientIds();

    /** Expected {@code aud}. */
    @WithDefault("visitwise")
    String audience();

    /** Verification keys: a JWKS URL (https in production) or a PEM/JWK file. */
    Optional<String> publicKeyLocation();

    /** Longest accepted lifetime ({@code exp - iat}); longer-lived tokens are refused. */
    @WithDefault("5M")
    Duration maxLifetime();

    /** Clock skew tolerated on {@code exp}. */
    @WithDefault("30S")
    Duration clockSkew();
}
