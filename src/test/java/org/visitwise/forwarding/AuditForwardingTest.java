package org.visitwise.forwarding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.LogFiles;
import org.visitwise.support.Management;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With forwarding on, the audit stream reaches the EHR as FHIR AuditEvents; a full buffer raises an alert and blocks nobody. */
@QuarkusTest
@TestProfile(AuditForwardingTest.Forwarding.class)
class AuditForwardingTest {

    public static class Forwarding implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a long interval: the test flushes by hand
            return Map.of("visitwise.audit.forwarding.enabled", "true", "visitwise.audit.forwarding.interval", "1H",
                    "visitwise.audit.forwarding.capacity", "15", "visitwise.audit.forwarding.batch-size", "10");
        }
    }

    @Inject
    AuditForwarder forwarder;

    @Inject
    SandboxEhrServer sandbox;

    @Test
    void eventsReachTheEhrAsPseudonymousAuditEventsAndAFullBufferRaisesAnAlert() {
        forwarder.flush();
        int before = auditEventsInTheEhr().size();
        given().auth().oauth2(SandboxTokens.patient("pat-014")).get("/api/v1/appointments").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/api/v1/appointments").then().statusCode(401);
        int sent = forwarder.flush();
        assertTrue(sent >= 2, "the search and the failed login at least: " + sent);
        List<Resource> stored = auditEventsInTheEhr();
        assertEquals(before + sent, stored.size());
        String json = String.join("\n", stored.stream().map(r -> FhirContext.forR4Cached().newJsonParser().encodeResourceToString(r)).toList());
        assertTrue(json.contains("hmac:"), "patients as pseudonyms");
        assertFalse(json.contains("pat-014"), "no patient id");
        assertTrue(json.contains("\"code\":\"110122\""), "the failed login as a DICOM login event");

        int auditBefore = LogFiles.auditLines().size();
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2("not-a-token").get("/api/v1/slots").then().statusCode(401);
        }
        List<String> overflow = LogFiles.auditLinesAfter(auditBefore).stream()
                .filter(l -> l.contains("\"subtype\":\"audit-forwarding-overflow\"")).toList();
        assertEquals(1, overflow.size(), "one alert, not one per dropped event");
        String metrics = Management.given().get("/q/metrics").then().extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("visitwise_audit_forwarding_dropped_total") && !l.endsWith(" 0.0")));
        assertEquals(15, forwarder.flush(), "the buffer's worth");
    }

    private List<Resource> auditEventsInTheEhr() {
        return sandbox.store().search("AuditEvent", Map.of());
    }
}
