package org.visitwise.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the agent against a real Keycloak: people and the EHR's service account get their tokens from it. */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
