package org.visitwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** The EHR service-account token checks, one refusal reason at a time. */
class ServiceAccountVerifierTest {

    private static final String ISSUER = "https://ehr.example/issuer";
    private static KeyPair keys;

    @TempDir
    static Path dir;

    private static ServiceAccountVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Path pem = dir.resolve("ehr.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        verifier = new ServiceAccountVerifier(config(Optional.of(ISSUER), Optional.of(pem.toString())));
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER).audience("visitwise").subject("svc-ehr").groups(Set.of("ehr-relay"))
                .claim("azp", "ehr-gateway").claim("scope", "system/Appointment.crus system/Slot.rs").claim("jti", UUID.randomUUID().toString())
                .expiresIn(Duration.ofMinutes(2));
    }

    @Test
    void validTokenGivesAServiceIdentityWithItsRolesAndScopes() {
        SecurityIdentity identity = verifier.verify(claims().jws().sign(keys.getPrivate()));
        assertTrue(identity.hasRole("ehr-relay"));
        assertEquals(Boolean.TRUE, identity.getAttribute(RoleAugmentor.SERVICE_ACCOUNT));
        assertEquals(Set.of("system/Appointment.crus", "system/Slot.rs"), identity.getAttribute(RoleAugmentor.TOKEN_SCOPES));
    }

    @Test
    void theSameTokenTwiceIsAReplay() {
        String token = claims().jws().sign(keys.getPrivate());
        verifier.verify(token);
        assertThrows(AuthenticationFailedException.class, () -> verifier.verify(token));
    }

    @Test
    void tokensThatLiveLongerThanFiveMinutesAreRefused() {
        assertThrows(AuthenticationFailedException.class,
                () -> verifier.verify(claims().expiresIn(Duration.ofHours(1)).jws().sign(keys.getPrivate())));
    }

    @Test
    void tokensWithoutJtiAreRefused() throws Exception {
        // the SmallRye builder always adds a jti, so this one is signed by hand
        long now = System.currentTimeMillis() / 1000;
        var jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload("{\"iss\":\"" + ISSUER + "\",\"aud\":\"visitwise\",\"sub\":\"svc-ehr\",\"iat\":" + now
                + ",\"exp\":" + (now + 120) + ",\"groups\":[\"ehr-relay\"]}");
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKey(keys.getPrivate());
        String token = jws.getCompactSerialization();
        assertThrows(AuthenticationFailedException.class, () -> verifier.verify(token));
    }

    @Test
    void wrongIssuerAudienceOrExpiryIsRefused() {
        assertThrows(AuthenticationFailedException.class,
                () -> verifier.verify(claims().issuer("https://evil.example").jws().sign(keys.getPrivate())));
        assertThrows(AuthenticationFailedException.class,
                () -> verifier.verify(claims().audience("other").jws().sign(keys.getPrivate())));
        long now = System.currentTimeMillis() / 1000;
        assertThrows(AuthenticationFailedException.class,
                () -> verifier.verify(claims().issuedAt(now - 240).expiresAt(now - 120).jws().sign(keys.getPrivate())));
    }

    @Test
    void hmacAndUnsignedTokensAreRefused() {
        byte[] secret = keys.getPublic().getEncoded();
        assertThrows(AuthenticationFailedException.class,
                () -> verifier.verify(claims().jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                        .sign(new SecretKeySpec(secret, "HmacSHA256"))));
        String[] parts = claims().jws().sign(keys.getPrivate()).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
        assertThrows(AuthenticationFailedException.class, () -> verifier.verify(none));
    }

    @Test
    void withoutConfigurationEveryTokenIsRefused() {
        var unconfigured = new ServiceAccountVerifier(config(Optional.empty(), Optional.empty()));
        assertThrows(AuthenticationFailedException.class, () -> unconfigured.verify(claims().jws().sign(keys.getPrivate())));
    }

    @Test
    void tokensOfOtherClientsOfTheSameIssuerAreRefused() {
        assertThrows(AuthenticationFailedException.class,
                () -> verifier.verify(claims().claim("azp", "visitwise-web").jws().sign(keys.getPrivate())));
    }

    private static ServiceAccountConfig config(Optional<String> issuer, Optional<String> keys) {
        return new ServiceAccountConfig() {
            public Optional<Set<String>> clientIds() {
                return Optional.of(Set.of("ehr-gateway"));
            }

            public Optional<String> issuer() {
                return issuer;
            }

            public String audience() {
                return "visitwise";
            }

            public Optional<String> publicKeyLocation() {
                return keys;
            }

            public Duration maxLifetime() {
                return Duration.ofMinutes(5);
            }

            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
