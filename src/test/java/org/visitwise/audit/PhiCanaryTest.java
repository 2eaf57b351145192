package org.visitwise.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxPractice;
import org.visitwise.sandbox.SandboxPractice.SyntheticPatient;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.scheduling.SchedulingConfig;
import org.visitwise.support.Participants;
import org.visitwise.support.Journeys;
import org.visitwise.support.LogFiles;
import org.visitwise.support.PhiCanaries;
import org.visitwise.support.TestClock;
import org.visitwise.support.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every synthetic patient of the sandbox practice goes through the structured conversation and the
 * API — typing their own identifiers, booking, rescheduling, cancelling, trying another patient's
 * appointment, sending bad input, letting the session expire — and nothing the process emits (log,
 * audit stream, metrics, error bodies, other patients' replies) carries any patient's identifiers.
 * Along the way: every FHIR request the EHR received is one audit event, and each booking,
 * cancellation, logout and expiry is exactly one.
 */
@Tag("time-sensitive")
@QuarkusTest
class PhiCanaryTest {

    @Inject
    SandboxEhrServer sandbox;

    @Inject
    SchedulingConfig scheduling;

    @AfterEach
    void realClock() {
        TestClock.reset();
    }

    @Test
    void allJourneysOfAllSyntheticPatientsLeakNothingAndEveryFhirRequestIsAuditedOnce() {
        sandbox.reset();
        PhiCanaries canaries = new PhiCanaries();
        int auditBefore = LogFiles.auditLines().size();
        long requestsBefore = sandbox.requestCount();
        List<SyntheticPatient> patients = SandboxPractice.patients();
        for (int i = 0; i < patients.size(); i++) {
            SyntheticPatient p = patients.get(i);
            SyntheticPatient other = patients.get((i + 1) % patients.size());
            journey(p, other, canaries);
        }
        // expiry: a conversation left alone for 16 minutes is gone, and the next turn says so
        String idle = open(patients.get(0), canaries);
        TestClock.advance(Duration.ofMinutes(16));
        Response expired = turn(patients.get(0), idle, Map.of("text", "are you there? I am " + patients.get(0).fullName()));
        assertEquals(404, expired.statusCode());
        canaries.sink("error bodies", expired.asString());
        TestClock.reset();

        List<String> events = LogFiles.auditLinesAfter(auditBefore);
        long fhirRequests = sandbox.requestCount() - requestsBefore;
        long fhirEvents = events.stream().filter(e -> e.contains("\"type\":\"rest\""))
                .filter(e -> !(e.contains("\"reason\":\"scope-denied:") && !e.contains("\"status\":"))).count();
        assertEquals(fhirRequests, fhirEvents, "one audit event per FHIR request the EHR received");
        assertEquals(patients.size() * 2L, count(events, "scheduling", "book"), "one event per booking (chat and API)");
        assertEquals(patients.size() * 2L, count(events, "scheduling", "cancel"), "one event per cancellation");
        assertEquals(patients.size(), count(events, "session", "logout"), "one event per logout");
        assertEquals(1, count(events, "session", "session-expired"), "one event per expiry");

        canaries.sink("application log", LogFiles.applicationLog())
                .sink("audit stream", String.join("\n", LogFiles.auditLines()))
                .sink("metrics", Management.given().get("/q/metrics").then().statusCode(200).extract().asString())
                .assertNoneLeaked();
    }

    private void journey(SyntheticPatient p, SyntheticPatient other, PhiCanaries canaries) {
        // the chat: the patient volunteers their identifiers, books a day past the cancellation window, cancels
        String session = open(p, canaries);
        reply(p, canaries, turn(p, session, Map.of("text", "Hi, I'm " + p.fullName() + ", born " + p.birthDate() + ", phone "
                + p.phone() + ", " + p.email() + ", " + p.addressLine() + ". I need a follow-up next week.")));
        assertTrue(reply(p, canaries, turn(p, session, Map.of("choice", "book"))).getList("options.id").contains("vt:follow-up"));
        JsonPath offered = reply(p, canaries, turn(p, session, Map.of("choice", "vt:follow-up")));
        // quick replies page to later dates until the first time offered can still be cancelled online
        Instant cancellable = TestClock.now().plus(scheduling.cancellationWindow()).plus(Duration.ofHours(2));
        for (int page = 0; Instant.parse(isoInstant(offered.getString("options[0].start"))).isBefore(cancellable); page++) {
            assertTrue(page < 10, "later dates reach past the cancellation window: " + offered.getList("options.label"));
            assertTrue(offered.getList("options.id").contains("later"), offered.getList("options.id").toString());
            offered = reply(p, canaries, turn(p, session, Map.of("choice", "later")));
        }
        assertEquals("S1", offered.getString("options[0].id"));
        String start = offered.getString("options[0].start");
        assertTrue(reply(p, canaries, turn(p, session, Map.of("choice", "S1"))).getString("reply").startsWith("I'm holding"));
        JsonPath booked = reply(p, canaries, turn(p, session, Map.of("choice", "yes")));
        String chatAppointment = booked.getString("appointment.id");
        assertEquals("booked", booked.getString("appointment.status"));
        assertEquals(start, booked.getString("appointment.time.start"), "booked the time offered");
        Appointment inEhr = appointment(chatAppointment);
        assertEquals(Appointment.AppointmentStatus.BOOKED, inEhr.getStatus(), "the booking exists in the EHR");
        assertTrue(Participants.patientsOf(inEhr).contains("Patient/" + p.id()), "booked for this patient");
        assertEquals(Instant.parse(isoInstant(start)), inEhr.getStart().toInstant(), "at the time confirmed");
        String slotId = inEhr.getSlotFirstRep().getReferenceElement().getIdPart();
        assertEquals(Slot.SlotStatus.BUSY, ((Slot) sandbox.store().read("Slot", slotId)).getStatus());

        JsonPath pick = reply(p, canaries, turn(p, session, Map.of("text", "cancel my appointment please")));
        int handle = pick.getList("options.start").indexOf(start);
        assertTrue(handle >= 0, "the booking is among the appointments offered: " + pick.getList("options.label"));
        reply(p, canaries, turn(p, session, Map.of("choice", pick.getString("options[" + handle + "].id"))));
        JsonPath done = reply(p, canaries, turn(p, session, Map.of("choice", "yes")));
        assertEquals(chatAppointment, done.getString("appointment.id"), done.getString("reply"));
        assertEquals("cancelled", done.getString("appointment.status"));
        assertEquals(Appointment.AppointmentStatus.CANCELLED, appointment(chatAppointment).getStatus(),
                "the cancellation happened in the EHR");
        assertEquals(Slot.SlotStatus.FREE, ((Slot) sandbox.store().read("Slot", slotId)).getStatus());
        // bad input, and a message far too long: clear problems, no echo of what was typed
        canaries.sink("error bodies", turn(p, session, Map.of("text", "x".repeat(2001) + p.phone())).asString());
        canaries.sink("error bodies", as(p).contentType(ContentType.JSON).body("{\"text\": \"" + p.email() + "\", \"choice\":")
                .post("/api/v1/sessions/" + session + "/messages").asString());
        assertEquals(204, as(p).delete("/api/v1/sessions/" + session).statusCode());

        // the API: book, reschedule, try someone else's appointment, cancel
        List<String> slots = as(p).get("/api/v1/slots?visitType=follow-up&from=" + Journeys.outsideTheWindow())
                .then().statusCode(200).extract().jsonPath().getList("slots.id");
        Response api = as(p).header("Idempotency-Key", "canary-" + p.id()).contentType(ContentType.JSON)
                .body(Map.of("slotId", slots.get(0), "visitType", "follow-up")).post("/api/v1/appointments");
        assertEquals(201, api.statusCode(), api.asString());
        canaries.reply(p.id(), api.asString());
        String id = api.jsonPath().getString("id");
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment(id).getStatus());
        assertEquals("Slot/" + slots.get(0), appointment(id).getSlotFirstRep().getReference());
        Response moved = as(p).contentType(ContentType.JSON).body(Map.of("slotId", slots.get(1)))
                .post("/api/v1/appointments/" + id + "/reschedule");
        assertEquals(200, moved.statusCode(), moved.asString());
        canaries.reply(p.id(), moved.asString());
        assertEquals(Appointment.AppointmentStatus.CANCELLED, appointment(id).getStatus(), "the old time is given up");
        assertEquals("Slot/" + slots.get(1), appointment(moved.jsonPath().getString("id")).getSlotFirstRep().getReference());
        Response notYours = as(other).post("/api/v1/appointments/" + moved.jsonPath().getString("id") + "/cancel");
        assertEquals(404, notYours.statusCode());
        canaries.sink("error bodies", notYours.asString());
        Response staffWithoutPatient = given().auth().oauth2(SandboxTokens.frontDesk("desk-1")).get("/api/v1/appointments");
        canaries.sink("error bodies", staffWithoutPatient.asString());
        Response cancelled = as(p).post("/api/v1/appointments/" + moved.jsonPath().getString("id") + "/cancel");
        assertEquals(200, cancelled.statusCode(), cancelled.asString());
        canaries.reply(p.id(), cancelled.asString());
        assertEquals(Appointment.AppointmentStatus.CANCELLED, appointment(moved.jsonPath().getString("id")).getStatus());
    }

    private Appointment appointment(String id) {
        return (Appointment) sandbox.store().read("Appointment", id);
    }

    /** An offset date-time as an instant string ({@code 2026-12-07T09:00:00-05:00} → {@code 2026-12-07T14:00:00Z}). */
    private static String isoInstant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant().toString();
    }

    private static String open(SyntheticPatient p, PhiCanaries canaries) {
        Response opened = as(p).post("/api/v1/sessions");
        assertEquals(201, opened.statusCode());
        canaries.reply(p.id(), opened.asString());
        return opened.jsonPath().getString("sessionId");
    }

    private static Response turn(SyntheticPatient p, String session, Map<String, String> body) {
        return as(p).contentType(ContentType.JSON).body(body).post("/api/v1/sessions/" + session + "/messages");
    }

    private static JsonPath reply(SyntheticPatient p, PhiCanaries canaries, Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        canaries.reply(p.id(), response.asString());
        return response.jsonPath();
    }

    private static io.restassured.specification.RequestSpecification as(SyntheticPatient p) {
        return given().auth().oauth2(SandboxTokens.patient(p.id()));
    }

    private static long count(List<String> events, String type, String subtype) {
        return events.stream().filter(e -> e.contains("\"type\":\"" + type + "\"") && e.contains("\"subtype\":\"" + subtype + "\"")).count();
    }
}
