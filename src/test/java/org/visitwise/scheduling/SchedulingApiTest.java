package org.visitwise.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.EhrState;
import org.visitwise.support.Journeys;
import org.visitwise.support.Participants;
import org.visitwise.support.TestClock;
import org.visitwise.support.LogFiles;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@Tag("time-sensitive")
@QuarkusTest
class SchedulingApiTest {

    @Inject
    SandboxEhrServer sandbox;

    @Inject
    SchedulingService scheduling;

    @BeforeEach
    void resetSandbox() {
        TestClock.reset();
        sandbox.reset();
    }

    @AfterEach
    void realClock() {
        TestClock.reset();
    }

    @Test
    void findHoldBookListRescheduleCancelWithTheEhrStateCheckedAtEachStep() {
        Journeys.findHoldBookListRescheduleCancel("pat-020", EhrState.of(sandbox.store()));
    }

    @Test
    void bookingAndCancellingAreAudited() {
        int before = LogFiles.auditLines().size();
        String slotId = firstFreeSlot("prac-001");
        String id = as("pat-021").header("Idempotency-Key", key())
                .body(Map.of("slotId", slotId, "visitType", "new-patient")).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment(id).getStatus());
        as("pat-021").post("/api/v1/appointments/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        assertEquals(Appointment.AppointmentStatus.CANCELLED, appointment(id).getStatus());
        List<String> events = LogFiles.auditLinesAfter(before);
        assertEquals(1, events.stream().filter(e -> e.contains("\"type\":\"scheduling\",\"subtype\":\"book\"")).count());
        assertEquals(1, events.stream().filter(e -> e.contains("\"type\":\"scheduling\",\"subtype\":\"cancel\"")).count());
        assertFalse(String.join("\n", events).contains("pat-021"));
    }

    @Test
    void auditNamesTheOpaqueSubjectNeverTheLoginName() {
        int before = LogFiles.auditLines().size();
        String login = "ada.synthalfa@example.invalid";
        given().auth().oauth2(SandboxTokens.patient("pat-001", login)).get("/api/v1/appointments").then().statusCode(200);
        List<String> all = LogFiles.auditLinesAfter(before);
        assertFalse(String.join("\n", all).contains(login), "the login name is PHI for a patient");
        List<String> events = all.stream().filter(e -> e.contains("\"purpose\":\"patient-self-scheduling\"")).toList();
        assertFalse(events.isEmpty());
        for (String event : events) {
            assertTrue(event.matches(".*\"actor\":\"[0-9a-f\\-]{36}\".*"), "the actor is the token's opaque subject");
        }
    }

    @Test
    void bookingPathMakesAtMostThreeFhirRoundTripsAfterTheSlotSearch() {
        String slotId = firstFreeSlot("prac-003");
        long afterSearch = sandbox.requestCount();
        String holdId = as("pat-022").body(Map.of("slotId", slotId, "visitType", "follow-up")).post("/api/v1/holds")
                .then().statusCode(201).extract().path("holdId");
        String held = as("pat-022").header("Idempotency-Key", key()).body(Map.of("holdId", holdId))
                .post("/api/v1/appointments").then().statusCode(201).body("status", equalTo("booked")).extract().path("id");
        long holdAndBook = sandbox.requestCount() - afterSearch;
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment(held).getStatus());
        assertEquals(Slot.SlotStatus.BUSY, slot(slotId).getStatus());

        String other = firstFreeSlot("prac-003");
        long before = sandbox.requestCount();
        String direct = as("pat-023").header("Idempotency-Key", key()).body(Map.of("slotId", other, "visitType", "follow-up"))
                .post("/api/v1/appointments").then().statusCode(201).body("status", equalTo("booked")).extract().path("id");
        long oneStep = sandbox.requestCount() - before;
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment(direct).getStatus());
        assertEquals(Slot.SlotStatus.BUSY, slot(other).getStatus());

        assertEquals(3, holdAndBook, "read slot + hold transaction + book transaction");
        assertEquals(3, oneStep, "idempotency search + read slot + book transaction");
    }

    @Test
    void abandonedHoldIsReleasedBySweeper() {
        String slotId = firstFreeSlot("prac-001");
        as("pat-024").body(Map.of("slotId", slotId, "visitType", "follow-up")).post("/api/v1/holds").then().statusCode(201);
        assertEquals(Slot.SlotStatus.BUSYTENTATIVE, slot(slotId).getStatus());

        assertEquals(0, scheduling.releaseExpiredHolds(), "not yet expired");
        TestClock.advance(Duration.ofMinutes(11));
        // the background sweeper sees the same clock and may get there first: one of the two releases it
        assertTrue(scheduling.releaseExpiredHolds() <= 1);
        assertEquals(Slot.SlotStatus.FREE, slot(slotId).getStatus());
        assertEquals(1, appointmentsOnSlot(slotId, "cancelled"));
        assertEquals(0, appointmentsOnSlot(slotId, "pending"));
    }

    @Test
    void releasedHoldFreesTheSlot() {
        String slotId = firstFreeSlot("prac-002");
        int cancelledBefore = appointmentsOnSlot(slotId, "cancelled");
        String holdId = as("pat-025").body(Map.of("slotId", slotId, "visitType", "follow-up")).post("/api/v1/holds")
                .then().statusCode(201).extract().path("holdId");
        assertEquals(Slot.SlotStatus.BUSYTENTATIVE, slot(slotId).getStatus());
        assertEquals(1, appointmentsOnSlot(slotId, "pending"));
        as("pat-025").delete("/api/v1/holds/" + holdId).then().statusCode(204);
        assertEquals(Slot.SlotStatus.FREE, slot(slotId).getStatus());
        assertEquals(0, appointmentsOnSlot(slotId, "pending"));
        assertEquals(cancelledBefore + 1, appointmentsOnSlot(slotId, "cancelled"), "the pending appointment is cancelled");
        as("pat-024").delete("/api/v1/holds/" + holdId).then().statusCode(404);
    }

    @Test
    void sameIdempotencyKeyTwiceGivesOneAppointment() {
        Journeys.sameKeyTwiceBooksOnce("pat-019", "prac-002", EhrState.of(sandbox.store()));
    }

    @Test
    void aBookingWhoseAnswerIsLostIsConfirmedOnlyBecauseTheEhrHoldsIt() {
        String slot = firstFreeSlot("prac-003");
        sandbox.loseNextTransactionAnswer();
        String id = as("pat-012").header("Idempotency-Key", key()).body(Map.of("slotId", slot, "visitType", "follow-up"))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        EhrState ehr = EhrState.of(sandbox.store());
        assertEquals(Appointment.AppointmentStatus.BOOKED, ehr.appointment(id), "what the patient is told is in the EHR");
        assertEquals(1, ehr.appointmentsOnSlot(slot, "booked"));
    }

    @Test
    void aCancellationWhoseAnswerIsLostIsConfirmedFromTheEhr() {
        String slot = firstFreeSlot("prac-003");
        String id = as("pat-012").header("Idempotency-Key", key()).body(Map.of("slotId", slot, "visitType", "follow-up"))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        sandbox.loseNextTransactionAnswer();
        as("pat-012").post("/api/v1/appointments/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        assertEquals(Appointment.AppointmentStatus.CANCELLED, EhrState.of(sandbox.store()).appointment(id));
    }

    @Test
    void concurrentRetriesWithOneKeyBookOnce() throws Exception {
        Journeys.concurrentRetriesWithOneKeyBookOnce("pat-018", "prac-001", EhrState.of(sandbox.store()));
    }

    @Test
    void patientCannotTouchAnotherPatientsAppointmentAndNothingAboutThemLeaves() {
        long before = sandbox.requestCount();
        as("pat-001").post("/api/v1/appointments/appt-006/cancel").then().statusCode(404)
                .contentType("application/problem+json");
        as("pat-001").body(Map.of("slotId", firstFreeSlot("prac-001"))).post("/api/v1/appointments/appt-006/reschedule")
                .then().statusCode(404);
        as("pat-001").queryParam("patient", "Patient/pat-003").get("/api/v1/appointments").then().statusCode(400);
        as("pat-001").get("/api/v1/appointments").then().statusCode(200).body("appointments.id", not(hasItem("appt-006")));
        List<String> lines = sandbox.requestLines();
        for (String line : lines.subList((int) Math.min(before, lines.size()), lines.size())) {
            assertFalse(line.contains("pat-003"), "no request named the other patient: " + line);
            assertFalse(line.contains("Appointment/appt-006"), "no direct read of the other's appointment");
        }
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment("appt-006").getStatus());
    }

    @Test
    void frontDeskBooksForANamedPatientAndMustNameOne() {
        String slotId = firstFreeSlot("prac-001");
        given().auth().oauth2(SandboxTokens.frontDesk("desk-1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key()).body(Map.of("slotId", slotId, "visitType", "new-patient"))
                .post("/api/v1/appointments").then().statusCode(400);
        String id = given().auth().oauth2(SandboxTokens.frontDesk("desk-1")).contentType(ContentType.JSON)
                .queryParam("patient", "Patient/pat-018").header("Idempotency-Key", key())
                .body(Map.of("slotId", slotId, "visitType", "new-patient"))
                .post("/api/v1/appointments").then().statusCode(201).body("status", equalTo("booked")).extract().path("id");
        assertTrue(Participants.patientsOf(appointment(id)).contains("Patient/pat-018"));
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment(id).getStatus());
    }

    @Test
    void cancellingInsideTheWindowIsRefusedWithThePracticePhone() {
        String slotId = firstFreeSlot("prac-001");
        String id = as("pat-017").header("Idempotency-Key", key()).body(Map.of("slotId", slotId, "visitType", "follow-up"))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        Instant start = slot(slotId).getStart().toInstant();
        TestClock.travelTo(start.minus(Duration.ofHours(23)));
        as("pat-017").post("/api/v1/appointments/" + id + "/cancel").then().statusCode(422)
                .contentType("application/problem+json").body("practicePhone", equalTo("+1-617-555-0100"));
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment(id).getStatus());
        TestClock.travelTo(start.minus(Duration.ofHours(25)));
        as("pat-017").post("/api/v1/appointments/" + id + "/cancel").then().statusCode(200);
        assertEquals(Appointment.AppointmentStatus.CANCELLED, appointment(id).getStatus());
    }

    @Test
    void slotsAcrossTheMarchDstChangeShowTheSameLocalMorningHours() {
        // the week before the change, seen from the Sunday before it: a fixed instant, whenever the test runs
        TestClock.travelTo(ZonedDateTime.of(2027, 3, 7, 12, 0, 0, 0, TestClock.PRACTICE_ZONE).toInstant());
        sandbox.reset(LocalDate.of(2027, 3, 8));
        List<Map<String, Object>> slots = as("pat-016").queryParam("practitioner", "prac-001")
                .queryParam("from", "2027-03-12").queryParam("to", "2027-03-15").queryParam("partOfDay", "morning")
                .get("/api/v1/slots").then().statusCode(200).extract().jsonPath().getList("slots.time");
        assertFalse(slots.isEmpty());
        for (Map<String, Object> time : slots) {
            String localTime = (String) time.get("localTime");
            assertTrue(localTime.compareTo("12:00") < 0, "morning only: " + localTime);
            String start = (String) time.get("start");
            String expectedOffset = time.get("localDate").equals("2027-03-12") ? "-05:00" : "-04:00";
            assertTrue(start.endsWith(expectedOffset), start + " carries the offset in force that day");
            assertTrue(start.contains("T" + localTime), "the local time is the wall-clock time");
        }
    }

    @Test
    void invalidInputGetsProblemJsonWithoutEcho() {
        as("pat-015").body("{\"slotId\":\"x\",\"visitType\":\"follow-up\",\"reason\":\"chest pain\"}").post("/api/v1/holds")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(org.hamcrest.Matchers.containsString("chest pain")));
        as("pat-015").queryParam("from", "2026-13-45").get("/api/v1/slots").then().statusCode(400);
        as("pat-015").queryParam("visitType", "brain surgery").get("/api/v1/slots").then().statusCode(400);
        as("pat-015").body(Map.of("slotId", "slot 1", "visitType", "follow-up")).post("/api/v1/holds").then().statusCode(400);
        as("pat-015").body(Map.of("slotId", "x")).header("Idempotency-Key", key()).post("/api/v1/appointments")
                .then().statusCode(400);
        as("pat-015").body(Map.of("slotId", firstFreeSlot("prac-001"), "visitType", "follow-up"))
                .post("/api/v1/appointments").then().statusCode(400);
    }

    @Test
    void noTokenIs401AndWrongRoleIs403() {
        given().get("/api/v1/appointments").then().statusCode(401);
        given().auth().oauth2(SandboxTokens.expiredPatient("pat-001")).get("/api/v1/appointments").then().statusCode(401);
        given().auth().oauth2(SandboxTokens.admin("root"))
                .get("/api/v1/appointments").then().statusCode(403);
    }

    private static RequestSpecification as(String patientId) {
        return Journeys.as(patientId);
    }

    private static String firstFreeSlot(String practitioner) {
        return Journeys.firstFreeSlot("pat-014", practitioner);
    }

    private Slot slot(String id) {
        return (Slot) sandbox.store().read("Slot", id);
    }

    private Appointment appointment(String id) {
        return (Appointment) sandbox.store().read("Appointment", id);
    }

    private int appointmentsOnSlot(String slotId, String status) {
        return EhrState.of(sandbox.store()).appointmentsOnSlot(slotId, status);
    }

    private static String key() {
        return Journeys.key();
    }
}
