package org.visitwise.ehr;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EhrReadinessCheckTest {

    @Test
    void readinessShowsTheAgentReachingTheSandboxEhrOverMutualTls() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("ehr"))
                .body("checks.find { it.name == 'ehr' }.data.software", equalTo("Visitwise Sandbox EHR"))
                .body("checks.find { it.name == 'ehr' }.data.fhirVersion", equalTo("4.0.1"));
    }
}
