package org.visitwise.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keyed-HMAC pseudonyms of FHIR references: the same reference always gives the same pseudonym
 * under one key, and only a holder of the key can link a pseudonym back to a reference.
 */
@ApplicationScoped
public class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;

    @Inject
    public Pseudonymizer(AuditConfig config) {
        this(config.pseudonymKey());
    }

    Pseudonymizer(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("visitwise.audit.pseudonym-key must be at least " + MIN_KEY_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** {@code hmac:} and the first 128 bits of HMAC-SHA256 over the reference, in hex. */
    public String pseudonym(String reference) {
        if (reference == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(reference.getBytes(StandardCharsets.UTF_8));
            return "hmac:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
