package org.visitwise.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application against a real HAPI FHIR JPA server instead of the sandbox EHR. */
public class HapiFhirProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HapiFhirServerResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
