package org.visitwise.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The offline sandbox login: whoever it signs in is verified by the agent like a production IdP's token. */
@QuarkusTest
class SandboxLoginTest {

    @Test
    void pageListsSyntheticPatientsAndStaffRoles() {
        given().accept("text/html").get("/sandbox/login").then().statusCode(200)
                .body(containsString("value=\"pat-025\""), containsString("value=\"front-desk\""),
                        containsString("value=\"provider:prac-001\""), containsString("value=\"ehr-relay\""), containsString("value=\"ehr-audit\""));
    }

    @Test
    void eachLoginGivesATokenThatWorksForItsRoleOnly() {
        String patient = login("pat-003");
        given().auth().oauth2(patient).get("/api/v1/appointments").then().statusCode(200);
        given().auth().oauth2(patient).get("/api/v1/audit-events").then().statusCode(403);

        String provider = login("provider:prac-002");
        given().auth().oauth2(provider).get("/api/v1/appointments").then().statusCode(200);
        given().auth().oauth2(provider).get("/api/v1/slots").then().statusCode(403);

        String admin = login("admin");
        given().auth().oauth2(admin).get("/api/v1/audit-events").then().statusCode(200);

        given().auth().oauth2(login("ehr-audit")).get("/api/v1/ehr/audit-events").then().statusCode(200);
        given().auth().oauth2(login("ehr-relay")).get("/api/v1/ehr/audit-events").then().statusCode(403);
    }

    @Test
    void unknownLoginIsAProblem() {
        given().formParam("as", "pat-999").accept("application/json").post("/sandbox/login").then().statusCode(400)
                .contentType("application/problem+json");
        given().formParam("as", "root").accept("application/json").post("/sandbox/login").then().statusCode(400);
    }

    @Test
    void browserGetsThePageWithTheToken() {
        given().formParam("as", "billing").accept("text/html").post("/sandbox/login").then().statusCode(200)
                .body(containsString("Signed in as billing"));
    }

    private static String login(String as) {
        return given().formParam("as", as).accept("application/json").post("/sandbox/login").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).extract().path("access_token");
    }
}
