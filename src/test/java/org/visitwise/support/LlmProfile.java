package org.visitwise.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application with the LLM engine against {@link FakeLlmResource}. */
public class LlmProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeLlmResource.class));
    }
}
