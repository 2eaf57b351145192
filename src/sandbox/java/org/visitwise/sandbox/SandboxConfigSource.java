package org.visitwise.sandbox;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Publishes the sandbox's generated TLS directory, store password and port as configuration
 * ({@code visitwise.sandbox.tls-dir}, {@code .tls-password}, {@code .port}) so that
 * {@code application.properties} can point the agent's {@code quarkus.tls.ehr.*} stores at them in
 * dev and test, exactly as a practice points them at its own files; likewise the public key of the
 * sandbox login ({@code visitwise.sandbox.token-public-key}, base64 DER) for token verification. Values are made on first use.
 * Low ordinal: anything else may override them.
 */
public class SandboxConfigSource implements ConfigSource {

    static final String TLS_DIR = "visitwise.sandbox.tls-dir";
    static final String TLS_PASSWORD = "visitwise.sandbox.tls-password";
    static final String PORT = "visitwise.sandbox.port";
    static final String TOKEN_KEY = "visitwise.sandbox.token-public-key";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(TLS_DIR, TLS_PASSWORD, PORT, TOKEN_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        SandboxEnvironment env = SandboxEnvironment.get();
        return Map.of(TLS_DIR, env.tlsDir().toString(), TLS_PASSWORD, env.password(), PORT,
                String.valueOf(env.port()), TOKEN_KEY, env.tokenPublicKey());
    }

    @Override
    public String getValue(String propertyName) {
        return getPropertyNames().contains(propertyName) ? getProperties().get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "visitwise-sandbox";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
