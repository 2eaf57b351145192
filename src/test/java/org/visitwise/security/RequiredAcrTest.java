package org.visitwise.security;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A practice whose IdP does MFA can require the agent to see that it was done (an {@code acr} value). */
@QuarkusTest
@TestProfile(RequiredAcrTest.MfaRequired.class)
class RequiredAcrTest {

    public static class MfaRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token.required-claims.acr", "urn:visitwise:loa:mfa");
        }
    }

    @Test
    void tokensWithoutTheRequiredAcrAreRefused() {
        given().auth().oauth2(SandboxTokens.patient("pat-001")).get("/api/v1/appointments").then().statusCode(401);
        given().auth().oauth2(SandboxTokens.patientWithAcr("pat-001", "urn:visitwise:loa:password"))
                .get("/api/v1/appointments").then().statusCode(401);
        given().auth().oauth2(SandboxTokens.patientWithAcr("pat-001", "urn:visitwise:loa:mfa"))
                .get("/api/v1/appointments").then().statusCode(200);
    }
}
