package org.visitwise.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak server (the distribution from Maven Central, unpacked under {@code target/keycloak}
 * by the build) started on loopback in dev mode with the project's test realm
 * ({@code src/test/resources/keycloak/visitwise-realm.json}), and the agent configured to trust it:
 * OIDC discovery for people, its JWKS for the EHR's service account.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "visitwise";
    private static final Path DIST = Path.of("target/keycloak");
    private static final Path REALM_FILE = Path.of("src/test/resources/keycloak/visitwise-realm.json");
    private static final Path LOG = Path.of("target/keycloak.log");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private static volatile String realmUrl;
    private Process process;

    /** {@code http://127.0.0.1:<port>/realms/visitwise} of the running server. */
    public static String realmUrl() {
        return realmUrl;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path home = home();
            deleteTree(home.resolve("data"));
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(REALM_FILE, home.resolve("data/import/visitwise-realm.json"));
            int port = freePort();
            byte[] adminSecret = new byte[16];
            new SecureRandom().nextBytes(adminSecret);
            ProcessBuilder builder = new ProcessBuilder("bash", "bin/kc.sh", "start-dev", "--http-host=127.0.0.1",
                    "--http-port=" + port, "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(LOG.toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", HexFormat.of().formatHex(adminSecret));
            process = builder.start();
            String realm = "http://127.0.0.1:" + port + "/realms/" + REALM;
            awaitReady(realm);
            realmUrl = realm;
            return Map.of(
                    "quarkus.oidc.auth-server-url", realm,
                    // no sandbox key and no fixed issuer: discovery gives both
                    "quarkus.oidc.public-key", "",
                    "quarkus.oidc.token.issuer", "",
                    "visitwise.service-accounts.issuer", realm,
                    "visitwise.service-accounts.client-ids", "ehr-gateway",
                    "visitwise.service-accounts.public-key-location", realm + "/protocol/openid-connect/certs");
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("Keycloak did not start (see " + LOG + ")", e);
        }
    }

    private static Path home() throws IOException {
        try (Stream<Path> dirs = Files.list(DIST)) {
            return dirs.filter(d -> Files.exists(d.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak distribution under " + DIST
                            + ": ./mvnw verify unpacks it (profile keycloak)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no Keycloak distribution under " + DIST + ": ./mvnw verify unpacks it", e);
        }
    }

    private void awaitReady(String realm) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realm + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " (see " + LOG + ")");
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep();
        }
        throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT + " (see " + LOG + ")");
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            // kc.sh execs java; end the whole tree
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        realmUrl = null;
    }
}
