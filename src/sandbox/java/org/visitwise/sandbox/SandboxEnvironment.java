package org.visitwise.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the sandbox EHR and the agent's dev/test configuration share, made once per JVM: a temp
 * directory with a fresh PKI, a random store password, and a free loopback port.
 *
 * <p>Files in {@link #tlsDir()}: {@code ca-truststore.p12} (trusts the sandbox CA: the agent's trust
 * store and the server's client-CA store), {@code ehr-keystore.p12} (the sandbox server),
 * {@code agent-keystore.p12} (the agent's client certificate). All protected by {@link #password()}.
 */
public final class SandboxEnvironment {

    public static final String CA_TRUST_STORE = "ca-truststore.p12";
    public static final String SERVER_KEY_STORE = "ehr-keystore.p12";
    public static final String AGENT_KEY_STORE = "agent-keystore.p12";
    /** Public key (PEM) verifying the sandbox's dev-only tokens. */
    public static final String TOKEN_PUBLIC_KEY = "token-public.pem";
    /** Dev-only Ed25519 key signing the audit chain's checkpoints (PKCS#8 PEM), and its public key. */
    public static final String AUDIT_CHECKPOINT_KEY = "audit-checkpoint-key.pem";
    public static final String AUDIT_CHECKPOINT_PUBLIC_KEY = "audit-checkpoint-public.pem";

    private static volatile SandboxEnvironment instance;

    private final Path tlsDir;
    private final String password;
    private final int port;
    private final KeyPair tokenKeys;

    private SandboxEnvironment(Path tlsDir, String password, int port, KeyPair tokenKeys) {
        this.tlsDir = tlsDir;
        this.password = password;
        this.port = port;
        this.tokenKeys = tokenKeys;
    }

    public static SandboxEnvironment get() {
        SandboxEnvironment current = instance;
        if (current == null) {
            synchronized (SandboxEnvironment.class) {
                current = instance;
                if (current == null) {
                    current = create();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static SandboxEnvironment create() {
        try {
            Path dir = Files.createTempDirectory("visitwise-sandbox-tls-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            SandboxPki pki = SandboxPki.newAuthority("Visitwise Sandbox");
            pki.writeTrustStore(dir.resolve(CA_TRUST_STORE), password.toCharArray());
            pki.writeServerKeyStore(dir.resolve(SERVER_KEY_STORE), password.toCharArray());
            pki.writeClientKeyStore(dir.resolve(AGENT_KEY_STORE), password.toCharArray(), "visitwise-agent");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair tokenKeys = generator.generateKeyPair();
            Files.writeString(dir.resolve(TOKEN_PUBLIC_KEY), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(tokenKeys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            KeyPair checkpointKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            writePem(dir.resolve(AUDIT_CHECKPOINT_KEY), "PRIVATE KEY", checkpointKeys.getPrivate().getEncoded());
            writePem(dir.resolve(AUDIT_CHECKPOINT_PUBLIC_KEY), "PUBLIC KEY", checkpointKeys.getPublic().getEncoded());
            deleteOnExit(dir);
            return new SandboxEnvironment(dir, password, freePort(), tokenKeys);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the sandbox token key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox EHR's TLS material", e);
        }
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // best effort: the directory is in the temp area anyway
            }
            dir.toFile().delete();
        }));
    }

    public Path tlsDir() {
        return tlsDir;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Public key verifying the sandbox login's tokens: base64 of its DER encoding. */
    public String tokenPublicKey() {
        return Base64.getEncoder().encodeToString(tokenKeys.getPublic().getEncoded());
    }

    /** Private key signing the sandbox's dev-only tokens (never written anywhere). */
    PrivateKey tokenSigningKey() {
        return tokenKeys.getPrivate();
    }
}
