package org.visitwise.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application against {@link FaultyEhrResource} instead of the sandbox EHR. */
public class FaultyEhrProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FaultyEhrResource.class));
    }
}
