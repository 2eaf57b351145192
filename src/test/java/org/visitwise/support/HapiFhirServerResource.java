package org.visitwise.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.visitwise.sandbox.SandboxEnvironment;
import org.visitwise.sandbox.SandboxPractice;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HAPI FHIR JPA server (H2 in memory), built from Maven Central by
 * {@code src/interop/hapi-fhir-server} and started as a separate JVM, over mutual TLS 1.3 with the
 * sandbox's PKI, loaded with the same synthetic practice as the sandbox EHR.
 */
public class HapiFhirServerResource implements QuarkusTestResourceLifecycleManager {

    private static final Path HOME = Path.of("src/interop/hapi-fhir-server/target");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Path LOG = Path.of("target/hapi-fhir-server.log");

    private Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.isDirectory(HOME.resolve("lib")) || !Files.isDirectory(HOME.resolve("classes"))) {
            throw new IllegalStateException("HAPI FHIR test server not built: ./mvnw verify builds it "
                    + "(or ./mvnw -f src/interop/hapi-fhir-server/pom.xml package)");
        }
        SandboxEnvironment env = SandboxEnvironment.get();
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, "--- starting HAPI FHIR test server\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1",
                    "-cp", HOME.resolve("classes") + java.io.File.pathSeparator + HOME.resolve("lib") + "/*",
                    "org.visitwise.interop.HapiFhirServer", "--port", "0",
                    "--key-store", env.tlsDir().resolve(SandboxEnvironment.SERVER_KEY_STORE).toString(),
                    "--trust-store", env.tlsDir().resolve(SandboxEnvironment.CA_TRUST_STORE).toString(),
                    "--password", env.password())
                    .redirectError(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                    .start();
            String baseUrl = awaitReady(process.getInputStream());
            load(baseUrl, env);
            return Map.of("visitwise.ehr.base-url", baseUrl, "visitwise.sandbox.enabled", "false");
        } catch (IOException | InterruptedException e) {
            stop();
            throw new IllegalStateException("HAPI FHIR test server did not start", e);
        }
    }

    /**
     * Waits for the server's READY line. Its stdout is read by a thread of our own for the life of the
     * process (the pipe must never fill up), and a process that dies is reported at once.
     */
    private String awaitReady(InputStream stdout) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "hapi-fhir-stdout");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("HAPI-FHIR-READY ")) {
                return line.substring("HAPI-FHIR-READY ".length()).trim();
            }
            if (line == null && !process.isAlive()) {
                throw new IllegalStateException("HAPI FHIR test server exited with " + process.exitValue()
                        + " (see " + LOG + ")");
            }
        }
        throw new IllegalStateException("HAPI FHIR test server not ready after " + START_TIMEOUT + " (see " + LOG + ")");
    }

    /** Loads the sandbox practice, ids and all, in one transaction of PUTs. */
    private static void load(String baseUrl, SandboxEnvironment env) throws IOException, InterruptedException {
        FhirContext fhir = FhirContext.forR4Cached();
        ZoneId zone = TestClock.PRACTICE_ZONE;
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Resource r : SandboxPractice.build(TestClock.practiceToday().plusDays(1), zone)) {
            String ref = r.fhirType() + "/" + r.getIdElement().getIdPart();
            bundle.addEntry().setFullUrl(ref).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(ref);
        }
        HttpResponse<String> response = client(env).send(HttpRequest.newBuilder(URI.create(baseUrl))
                .header("Content-Type", "application/fhir+json").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString(fhir.newJsonParser().encodeResourceToString(bundle))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("loading the practice into HAPI FHIR failed with " + response.statusCode());
        }
    }

    private static HttpClient client(SandboxEnvironment env) {
        try {
            char[] password = env.password().toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(env.tlsDir().resolve(SandboxEnvironment.AGENT_KEY_STORE))) {
                keys.load(in, password);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(env.tlsDir().resolve(SandboxEnvironment.CA_TRUST_STORE))) {
                trust.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLSv1.3");
            ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the loader's mutual-TLS client", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
