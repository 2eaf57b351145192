package org.visitwise.ehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxEnvironment;
import org.visitwise.sandbox.SandboxPki;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The sandbox EHR accepts only TLS 1.3 connections from clients holding a certificate of its CA:
 * probed with plain JDK clients, independent of the agent's own client.
 */
@QuarkusTest
class MutualTlsTest {

    @Inject
    SandboxEhrServer sandbox;

    private final SandboxEnvironment env = SandboxEnvironment.get();

    @Test
    void clientWithTheAgentCertificateIsServed() throws Exception {
        HttpResponse<String> response = get(context(agentKeyStore()), "TLSv1.3");
        assertEquals(200, response.statusCode());
        assertEquals("application/fhir+json;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        long before = sandbox.requestCount();
        assertThrows(IOException.class, () -> get(context(null), "TLSv1.3"));
        assertEquals(before, sandbox.requestCount(), "no HTTP request got through");
    }

    @Test
    void clientWithCertificateFromAnotherCaIsRefused(@TempDir Path dir) throws Exception {
        SandboxPki rogue = SandboxPki.newAuthority("Rogue");
        Path store = dir.resolve("rogue-client.p12");
        rogue.writeClientKeyStore(store, "rogue-pass".toCharArray(), "visitwise-agent");
        long before = sandbox.requestCount();
        assertThrows(IOException.class, () -> get(context(load(store, "rogue-pass"), "rogue-pass"), "TLSv1.3"));
        assertEquals(before, sandbox.requestCount());
    }

    @Test
    void tls12OnlyClientIsRefused() throws Exception {
        long before = sandbox.requestCount();
        assertThrows(IOException.class, () -> get(context(agentKeyStore()), "TLSv1.2"));
        assertEquals(before, sandbox.requestCount());
    }

    private HttpResponse<String> get(SSLContext context, String protocol) throws IOException, InterruptedException {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] { protocol });
        HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + sandbox.port() + "/fhir/metadata"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private KeyStore agentKeyStore() throws Exception {
        return load(env.tlsDir().resolve(SandboxEnvironment.AGENT_KEY_STORE), env.password());
    }

    private SSLContext context(KeyStore keyStore) throws Exception {
        return context(keyStore, env.password());
    }

    private SSLContext context(KeyStore keyStore, String keyPassword) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(env.tlsDir().resolve(SandboxEnvironment.CA_TRUST_STORE), env.password()));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, keyStore == null ? null : keyPassword.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyStore == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
