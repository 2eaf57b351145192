package org.visitwise.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import org.visitwise.support.Management;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void schedulingApiIsDocumented() {
        Management.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/slots"))
                .body("paths", hasKey("/api/v1/appointments"))
                .body("paths", hasKey("/api/v1/holds"))
                .body("paths", hasKey("/api/v1/appointments/{id}/cancel"))
                .body("paths", hasKey("/api/v1/appointments/{id}/reschedule"));
    }
}
