package org.visitwise.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application against {@link FaultyEhrResource} instead of the sandbox EHR. */
public class FaultyEhrProfile implements QuarkusTestProfile {

    /** The EHR's circuit breaker waits three seconds, not ten, before it lets calls through again. */
    @Override
    public java.util.Map<String, String> getConfigOverrides() {
        return java.util.Map.of("org.visitwise.ehr.EhrLink/exchange/CircuitBreaker/delay", "3000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FaultyEhrResource.class));
    }
}
