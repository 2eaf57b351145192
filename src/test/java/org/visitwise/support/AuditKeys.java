package org.visitwise.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** An Ed25519 checkpoint key made for the test run (in a temp file, deleted on exit), for unit tests that build an AuditLog. */
public final class AuditKeys {

    private static Path key;

    private AuditKeys() {
    }

    public static synchronized Path checkpointKey() {
        if (key == null) {
            try {
                var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                key = Files.createTempFile("visitwise-test-checkpoint-", ".pem");
                key.toFile().deleteOnExit();
                Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }
}
