package org.visitwise.agent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.LogFiles;
import org.visitwise.support.Participants;
import org.visitwise.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The EHR's SMS gateway relays a patient's conversation: it books for that patient, and only that patient. */
@Tag("time-sensitive")
@QuarkusTest
class EhrRelayTest {

    @Inject
    SandboxEhrServer sandbox;

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void smsConversationBooksForTheNamedPatientAndIsAuditedWithItsChannel() {
        int before = LogFiles.auditLines().size();
        String session = given().auth().oauth2(SandboxTokens.ehrService()).contentType(ContentType.JSON)
                .body(Map.of("patient", "Patient/pat-012", "channel", "sms")).post("/api/v1/ehr/sessions")
                .then().statusCode(201).extract().path("sessionId");
        assertTrue(relay(session, "book").getList("options.id").contains("vt:follow-up"));
        String start = relay(session, "vt:follow-up").getString("options[0].start");
        assertTrue(relay(session, "S1").getString("reply").startsWith("I'm holding"));
        JsonPath booked = relay(session, "yes");
        assertEquals("booked", booked.getString("appointment.status"));
        assertEquals(start, booked.getString("appointment.time.start"));
        Appointment appointment = (Appointment) sandbox.store().read("Appointment", booked.getString("appointment.id"));
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment.getStatus());
        assertEquals(Set.of("Patient/pat-012"), Participants.patientsOf(appointment));
        assertEquals(Slot.SlotStatus.BUSY, ((Slot) sandbox.store().read("Slot",
                appointment.getSlotFirstRep().getReferenceElement().getIdPart())).getStatus());

        List<String> events = LogFiles.auditLinesAfter(before);
        assertTrue(events.stream().anyMatch(e -> e.contains("\"subtype\":\"session-start\"") && e.contains("\"channel\":\"sms\"")),
                events.toString());
        List<String> bookings = events.stream().filter(e -> e.contains("\"subtype\":\"book\"")).toList();
        assertTrue(!bookings.isEmpty() && bookings.stream().allMatch(e -> e.contains("\"role\":\"ehr-relay\"")),
                "the relaying account's role is in its events");
        // the conversation's FHIR calls run under the patient's purpose, with the service account as actor
        List<String> fhirCalls = events.stream().filter(e -> e.contains("\"type\":\"rest\"")).toList();
        assertTrue(!fhirCalls.isEmpty());
        assertTrue(fhirCalls.stream()
                .allMatch(e -> e.contains("\"purpose\":\"patient-self-scheduling\"") || e.contains("\"purpose\":\"ehr-service\"")));

        given().auth().oauth2(SandboxTokens.ehrService()).delete("/api/v1/ehr/sessions/" + session).then().statusCode(204);
        given().auth().oauth2(SandboxTokens.ehrService()).contentType(ContentType.JSON).body(Map.of("choice", "book"))
                .post("/api/v1/ehr/sessions/" + session + "/messages").then().statusCode(404);
    }

    @Test
    void aServiceAccountWithoutTheRolesScopesHoldsNothing() {
        given().auth().oauth2(SandboxTokens.ehrService("system/Slot.rs")).contentType(ContentType.JSON)
                .body(Map.of("patient", "Patient/pat-012", "channel", "sms")).post("/api/v1/ehr/sessions")
                .then().statusCode(403);
    }

    @Test
    void aReplayedServiceAccountTokenIsRefused() {
        String token = SandboxTokens.ehrAudit();
        given().auth().oauth2(token).get("/api/v1/ehr/audit-events").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/ehr/audit-events").then().statusCode(401);
    }

    @Test
    void theAuditFeedIsPhiFreeAndFiltersBySince() {
        String since = TestClock.now().toString();
        given().auth().oauth2(SandboxTokens.patient("pat-013")).get("/api/v1/appointments").then().statusCode(200);
        JsonPath feed = given().auth().oauth2(SandboxTokens.ehrAudit()).get("/api/v1/ehr/audit-events?since=" + since)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> events = feed.getList("events");
        assertTrue(events.stream().anyMatch(e -> "search-type".equals(e.get("subtype"))), events.toString());
        assertTrue(events.stream().allMatch(e -> !String.valueOf(e).contains("pat-013")), "pseudonyms only");
        given().auth().oauth2(SandboxTokens.ehrAudit()).get("/api/v1/ehr/audit-events?since=yesterday")
                .then().statusCode(400).contentType("application/problem+json");

        // paging by chain position: nothing is seen twice or skipped
        long next = feed.getLong("next");
        List<Long> seen = feed.getList("events.seq", Long.class);
        assertTrue(seen.stream().allMatch(s -> s <= next) && seen.contains(next));
        given().auth().oauth2(SandboxTokens.patient("pat-013")).get("/api/v1/slots").then().statusCode(200);
        JsonPath later = given().auth().oauth2(SandboxTokens.ehrAudit()).get("/api/v1/ehr/audit-events?after=" + next)
                .then().statusCode(200).extract().jsonPath();
        List<Long> newer = later.getList("events.seq", Long.class);
        assertTrue(!newer.isEmpty() && newer.stream().allMatch(s -> s > next), newer.toString());
        assertEquals(feed.getString("chain"), later.getString("chain"));
        // asking from a time after everything held (tests move the clock, so not "now + a minute") gives
        // nothing, and a position that re-reads nothing old
        JsonPath empty = given().auth().oauth2(SandboxTokens.ehrAudit())
                .get("/api/v1/ehr/audit-events?since=2999-01-01T00:00:00Z").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, empty.getList("events").size());
        assertTrue(empty.getLong("next") >= newer.get(newer.size() - 1), "next skips what was already held");
    }

    private static JsonPath relay(String session, String choice) {
        return given().auth().oauth2(SandboxTokens.ehrService()).contentType(ContentType.JSON).body(Map.of("choice", choice))
                .post("/api/v1/ehr/sessions/" + session + "/messages").then().statusCode(200).extract().jsonPath();
    }
}
