package org.visitwise.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** WireMock playing an OpenAI-compatible chat-completions server, scripted by each test. */
public class FakeLlmResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("visitwise.agent.engine", "llm",
                "quarkus.langchain4j.openai.base-url", "http://localhost:" + server.port() + "/v1/",
                "quarkus.langchain4j.openai.api-key", "test-key-not-secret",
                "quarkus.langchain4j.openai.max-retries", "1");
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
