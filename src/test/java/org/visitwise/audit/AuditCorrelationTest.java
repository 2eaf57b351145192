package org.visitwise.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.LogFiles;

import io.quarkus.test.junit.QuarkusTest;

/** Every audit event a request causes carries its correlation id and the caller's role. */
@QuarkusTest
class AuditCorrelationTest {

    @Test
    void eventsOfARequestCarryItsIdAndTheCallersRole() {
        int before = LogFiles.auditLines().size();
        String id = given().auth().oauth2(SandboxTokens.frontDesk("desk-9"))
                .get("/api/v1/appointments?patient=Patient/pat-006").then().statusCode(200).extract().header("X-Request-Id");
        List<String> events = LogFiles.auditLinesAfter(before).stream().filter(e -> e.contains("\"correlationId\":\"" + id + "\""))
                .toList();
        assertTrue(events.size() >= 1, "the FHIR search of that request");
        assertTrue(events.stream().allMatch(e -> e.contains("\"role\":\"front-desk\"")), events.toString());
    }

    @Test
    void aFailedLoginCarriesTheRequestIdAndAPseudonymousClientAddress() {
        int before = LogFiles.auditLines().size();
        String id = given().auth().oauth2("garbage").get("/api/v1/slots").then().statusCode(401).extract().header("X-Request-Id");
        List<String> failures = LogFiles.auditLinesAfter(before).stream().filter(e -> e.contains("login-failure")).toList();
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("\"correlationId\":\"" + id + "\""), failures.get(0));
        assertTrue(failures.get(0).matches(".*\"client\":\"hmac:[0-9a-f]{32}\".*"), failures.get(0));
        assertTrue(!failures.get(0).contains("127.0.0.1"));
    }

    @Test
    void aCallersOwnRequestIdNeverReachesTheAuditTrail() {
        int before = LogFiles.auditLines().size();
        String id = given().header("X-Request-Id", "Synth.Alpha.1980-01-01").auth().oauth2(SandboxTokens.patient("pat-006"))
                .get("/api/v1/appointments").then().statusCode(200).extract().header("X-Request-Id");
        assertTrue(id.matches("[0-9a-f\\-]{36}"), id);
        List<String> events = LogFiles.auditLinesAfter(before);
        assertTrue(events.stream().anyMatch(e -> e.contains("\"correlationId\":\"" + id + "\"")), events.toString());
        assertTrue(events.stream().noneMatch(e -> e.contains("Synth.Alpha")));
    }
}
