package org.visitwise.support;

import java.util.Map;

import org.visitwise.sandbox.SandboxEnvironment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A misbehaving EHR for fault injection: WireMock over HTTPS on a dynamic loopback port, with the
 * sandbox's server certificate and the same client-certificate requirement, so that the agent's real
 * mutual-TLS client talks to it. FHIR semantics are the sandbox's job, not this one's.
 */
public class FaultyEhrResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        SandboxEnvironment env = SandboxEnvironment.get();
        server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(env.tlsDir().resolve(SandboxEnvironment.SERVER_KEY_STORE).toString())
                .keystoreType("PKCS12")
                .keystorePassword(env.password())
                .keyManagerPassword(env.password())
                .needClientAuth(true)
                .trustStorePath(env.tlsDir().resolve(SandboxEnvironment.CA_TRUST_STORE).toString())
                .trustStoreType("PKCS12")
                .trustStorePassword(env.password()));
        server.start();
        return Map.of("visitwise.ehr.base-url", "https://localhost:" + server.httpsPort() + "/fhir",
                "visitwise.sandbox.enabled", "false",
                "quarkus.rest-client.ehr.read-timeout", "1000");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
