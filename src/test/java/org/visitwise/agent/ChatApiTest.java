package org.visitwise.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.scheduling.SchedulingConfig;
import org.visitwise.session.SessionStore;
import org.visitwise.support.Chats;
import org.visitwise.support.LogFiles;
import org.visitwise.support.TestClock;
import org.visitwise.support.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@Tag("time-sensitive")
@QuarkusTest
class ChatApiTest {

    @Inject
    SandboxEhrServer sandbox;

    @Inject
    SessionStore sessions;

    @Inject
    SchedulingConfig scheduling;

    @BeforeEach
    void reset() {
        TestClock.reset();
        sandbox.reset();
    }

    @AfterEach
    void realClock() {
        TestClock.reset();
    }

    @Test
    void bookingByQuickRepliesOnly() {
        String session = open("pat-020");
        JsonPath types = choose("pat-020", session, "book");
        assertTrue(types.getList("options.id").contains("vt:follow-up"));
        JsonPath slots = choose("pat-020", session, "vt:follow-up");
        assertEquals("S1", slots.getString("options[0].id"));
        JsonPath held = choose("pat-020", session, "S1");
        assertTrue(held.getString("reply").startsWith("I'm holding"));
        JsonPath booked = choose("pat-020", session, "yes");
        String appointmentId = booked.getString("appointment.id");
        assertEquals("booked", booked.getString("appointment.status"));
        Appointment appointment = (Appointment) sandbox.store().read("Appointment", appointmentId);
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment.getStatus());
        String slotId = appointment.getSlotFirstRep().getReference().substring("Slot/".length());
        assertEquals(Slot.SlotStatus.BUSY, ((Slot) sandbox.store().read("Slot", slotId)).getStatus());
    }

    @Test
    void laterDatesPageFromTheDayAfterTheLastTimeOffered() {
        String session = open("pat-011");
        choose("pat-011", session, "book");
        JsonPath first = choose("pat-011", session, "vt:annual-physical");
        List<String> ids = first.getList("options.id");
        assertTrue(ids.contains("later"), ids.toString());
        List<String> starts = first.getList("options.start");
        String lastOffered = starts.get(ids.indexOf("later") - 1);
        JsonPath later = choose("pat-011", session, "later");
        assertEquals("S1", later.getString("options[0].id"));
        assertTrue(OffsetDateTime.parse(later.getString("options[0].start")).toLocalDate()
                .isAfter(OffsetDateTime.parse(lastOffered).toLocalDate()), later.getString("options[0].label"));
        assertTrue(later.getString("reply").startsWith("Here are later open times"));
    }

    @Test
    void cancellationByQuickRepliesAndByText() {
        String session = open("pat-001");
        JsonPath pick = say("pat-001", session, "I'd like to cancel my appointment");
        assertTrue(pick.getList("options.id").contains("A1"));
        JsonPath confirm = choose("pat-001", session, cancellable(pick));
        assertTrue(confirm.getString("reply").startsWith("Cancel your appointment"));
        int bookedBefore = booked("pat-001").size();
        JsonPath done = say("pat-001", session, "yes");
        String id = done.getString("appointment.id");
        assertEquals("cancelled", done.getString("appointment.status"));
        Appointment cancelled = (Appointment) sandbox.store().read("Appointment", id);
        assertEquals(Appointment.AppointmentStatus.CANCELLED, cancelled.getStatus());
        assertEquals(bookedBefore - 1, booked("pat-001").size(), "only the chosen appointment");
        assertEquals(Slot.SlotStatus.FREE, slotOf(cancelled).getStatus());
    }

    @Test
    void freeTextIsUnderstoodAndSaidBackBeforeAnythingIsBooked() {
        String session = open("pat-019");
        JsonPath reply = say("pat-019", session, "book a follow-up with Dr. Rivera next Tuesday afternoon");
        assertTrue(reply.getString("reply").contains("with Dr. Alex Rivera"), reply.getString("reply"));
        assertTrue(reply.getString("reply").contains("Tuesday"), reply.getString("reply"));
        assertTrue(reply.getString("reply").contains("afternoon"), reply.getString("reply"));
        List<String> labels = reply.getList("options.label");
        assertTrue(labels.get(0).contains("PM") && labels.get(0).contains("Dr. Alex Rivera"), labels.get(0));
        assertEquals(0, sandbox.store().search("Appointment", Map.of("patient", List.of("Patient/pat-019"))).size(),
                "nothing is booked before the patient confirms");
    }

    @Test
    void reschedulingByQuickReplies() {
        String slotId = org.visitwise.support.Journeys.firstFreeSlot("pat-002", "prac-003");
        String original = org.visitwise.support.Journeys.as("pat-002").header("Idempotency-Key", org.visitwise.support.Journeys.key())
                .body(Map.of("slotId", slotId, "visitType", "follow-up")).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        String session = open("pat-002");
        JsonPath pick = choose("pat-002", session, "reschedule");
        int mine = pick.getList("options.id").indexOf("A1");
        String label = pick.getString("options[" + mine + "].label");
        JsonPath slots = choose("pat-002", session, "A1");
        assertEquals("S1", slots.getString("options[0].id"));
        JsonPath confirm = choose("pat-002", session, "S1");
        assertTrue(confirm.getString("reply").startsWith("Move your appointment to"));
        JsonPath moved = choose("pat-002", session, "yes");
        assertEquals("booked", moved.getString("appointment.status"));
        assertEquals(slots.getString("options[0].start"), moved.getString("appointment.time.start"), "the time chosen");
        List<org.hl7.fhir.r4.model.Resource> booked = booked("pat-002");
        assertEquals(1, booked.size(), "still exactly one appointment, now at the new time: " + label);
        String movedId = moved.getString("appointment.id");
        assertEquals(movedId, booked.get(0).getIdElement().getIdPart());
        assertTrue(!original.equals(movedId), "a new appointment, not the old one");
        assertEquals(Appointment.AppointmentStatus.CANCELLED, ((Appointment) sandbox.store().read("Appointment", original)).getStatus());
        assertEquals(Slot.SlotStatus.FREE, ((Slot) sandbox.store().read("Slot", slotId)).getStatus());
        assertEquals(Slot.SlotStatus.BUSY, slotOf((Appointment) booked.get(0)).getStatus());
    }

    @Test
    void reschedulingDrivenByText() {
        String slotId = org.visitwise.support.Journeys.firstFreeSlot("pat-004", "prac-001");
        String booked = org.visitwise.support.Journeys.as("pat-004").header("Idempotency-Key", org.visitwise.support.Journeys.key())
                .body(Map.of("slotId", slotId, "visitType", "follow-up")).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        String session = open("pat-004");
        JsonPath pick = say("pat-004", session, "I need to move my appointment to another day");
        assertEquals("Which appointment would you like to move?", pick.getString("reply"));
        String handle = "A" + (upcoming("pat-004").indexOf(booked) + 1);
        JsonPath slots = choose("pat-004", session, handle);
        assertEquals("S1", slots.getString("options[0].id"));
        JsonPath confirm = choose("pat-004", session, "S1");
        assertTrue(confirm.getString("reply").startsWith("Move your appointment to"), confirm.getString("reply"));
        JsonPath moved = say("pat-004", session, "yes please");
        assertEquals("booked", moved.getString("appointment.status"));
        assertEquals(slots.getString("options[0].start"), moved.getString("appointment.time.start"));
        Appointment now = (Appointment) sandbox.store().read("Appointment", moved.getString("appointment.id"));
        assertEquals(Appointment.AppointmentStatus.BOOKED, now.getStatus());
        assertEquals(Slot.SlotStatus.BUSY, slotOf(now).getStatus());
        assertEquals(Appointment.AppointmentStatus.CANCELLED, ((Appointment) sandbox.store().read("Appointment", booked)).getStatus());
        assertEquals(Slot.SlotStatus.FREE, ((Slot) sandbox.store().read("Slot", slotId)).getStatus());
    }

    private List<String> upcoming(String patient) {
        return org.visitwise.support.Journeys.as(patient).get("/api/v1/appointments").then().statusCode(200)
                .extract().jsonPath().getList("appointments.id");
    }

    @Test
    void paraphraseWithoutKeywordsStartsTheRightFlow() {
        String session = open("pat-003");
        JsonPath reply = say("pat-003", session, "sorry, I won't make it");
        assertEquals("Which appointment would you like to cancel?", reply.getString("reply"));
    }

    @Test
    void emergencyLanguageGetsTheFixedMessageAndNoFlow() {
        String session = open("pat-018");
        JsonPath reply = say("pat-018", session, "i have really bad chest pian");
        assertTrue(reply.getString("reply").startsWith("This sounds like it could be an emergency. Please call 911 now"),
                reply.getString("reply"));
        assertTrue(reply.getList("options").isEmpty());
    }

    @Test
    void sessionBelongsToItsSubjectAndLogoutEndsIt() {
        String session = open("pat-017");
        given().auth().oauth2(SandboxTokens.patient("pat-016")).contentType(ContentType.JSON)
                .body(Map.of("choice", "book")).post("/api/v1/sessions/" + session + "/messages")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(SandboxTokens.patient("pat-017")).delete("/api/v1/sessions/" + session).then().statusCode(204);
        given().auth().oauth2(SandboxTokens.patient("pat-017")).contentType(ContentType.JSON)
                .body(Map.of("choice", "book")).post("/api/v1/sessions/" + session + "/messages").then().statusCode(404);
    }

    @Test
    void logoutReleasesAHeldSlot() {
        String session = open("pat-015");
        choose("pat-015", session, "book");
        choose("pat-015", session, "vt:new-patient");
        JsonPath held = choose("pat-015", session, "S1");
        assertTrue(held.getString("reply").startsWith("I'm holding"));
        String slotId = heldSlot("pat-015");
        assertEquals(Slot.SlotStatus.BUSYTENTATIVE, ((Slot) sandbox.store().read("Slot", slotId)).getStatus());
        given().auth().oauth2(SandboxTokens.patient("pat-015")).delete("/api/v1/sessions/" + session).then().statusCode(204);
        assertEquals(Slot.SlotStatus.FREE, ((Slot) sandbox.store().read("Slot", slotId)).getStatus());
        assertEquals(0, sandbox.store().search("Appointment", Map.of("patient", List.of("Patient/pat-015"),
                "status", List.of("pending"))).size(), "the hold's pending appointment is gone");
    }

    @Test
    void idleSessionExpiresAfterFifteenMinutesButActivityKeepsItAlive() {
        int auditBefore = LogFiles.auditLines().size();
        String session = open("pat-014");
        advance(Duration.ofMinutes(14));
        choose("pat-014", session, "list");
        advance(Duration.ofMinutes(14));
        choose("pat-014", session, "list");
        advance(Duration.ofMinutes(15));
        given().auth().oauth2(SandboxTokens.patient("pat-014")).contentType(ContentType.JSON)
                .body(Map.of("choice", "list")).post("/api/v1/sessions/" + session + "/messages").then().statusCode(404);
        assertTrue(LogFiles.auditLinesAfter(auditBefore).stream()
                .anyMatch(e -> e.contains("\"type\":\"session\",\"subtype\":\"session-expired\"")
                        && e.contains("\"sessionId\":\"" + session + "\"")));
    }

    @Test
    void sweeperEndsIdleSessions() {
        int auditBefore = LogFiles.auditLines().size();
        String session = open("pat-013");
        assertTrue(sessions.active() >= 1);
        advance(Duration.ofMinutes(16));
        sessions.expire(); // the scheduled sweeper may have been first: either way they are gone
        assertEquals(0, sessions.active(), "every idle conversation is gone from memory");
        assertTrue(LogFiles.auditLinesAfter(auditBefore).stream()
                .anyMatch(e -> e.contains("\"subtype\":\"session-expired\"") && e.contains(session)));
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("visitwise_sessions_active 0.0"));
    }

    @Test
    void overlongMessageIs413AndChoiceMustBeOffered() {
        String session = open("pat-012");
        given().auth().oauth2(SandboxTokens.patient("pat-012")).contentType(ContentType.JSON)
                .body(Map.of("text", "x".repeat(2001))).post("/api/v1/sessions/" + session + "/messages")
                .then().statusCode(413).contentType("application/problem+json");
        JsonPath reply = choose("pat-012", session, "S9");
        assertEquals("Please choose one of the options.", reply.getString("reply"));
        given().auth().oauth2(SandboxTokens.patient("pat-012")).contentType(ContentType.JSON)
                .body(Map.of("text", "hi", "choice", "book")).post("/api/v1/sessions/" + session + "/messages")
                .then().statusCode(400);
    }

    private String open(String patient) {
        return given().auth().oauth2(SandboxTokens.patient(patient)).post("/api/v1/sessions").then().statusCode(201)
                .body("idleTimeoutSeconds", equalTo(900)).body("options.id", hasItem("book"))
                .extract().path("sessionId");
    }

    private JsonPath choose(String patient, String session, String choice) {
        return Chats.choose(patient, session, choice);
    }

    private JsonPath say(String patient, String session, String text) {
        return Chats.say(patient, session, text);
    }

    /** The first appointment offered that starts outside the online cancellation window. */
    private String cancellable(JsonPath pick) {
        Instant limit = TestClock.now().plus(scheduling.cancellationWindow()).plus(Duration.ofHours(1));
        List<String> starts = pick.getList("options.start");
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) != null && OffsetDateTime.parse(starts.get(i)).toInstant().isAfter(limit)) {
                return pick.getString("options[" + i + "].id");
            }
        }
        throw new AssertionError("no appointment outside the cancellation window among " + pick.getList("options.label"));
    }

    private List<org.hl7.fhir.r4.model.Resource> booked(String patient) {
        return sandbox.store().search("Appointment", Map.of("patient", List.of("Patient/" + patient),
                "status", List.of("booked")));
    }

    private Slot slotOf(Appointment appointment) {
        return (Slot) sandbox.store().read("Slot", appointment.getSlotFirstRep().getReferenceElement().getIdPart());
    }

    private String heldSlot(String patient) {
        Appointment pending = (Appointment) sandbox.store().search("Appointment",
                Map.of("patient", List.of("Patient/" + patient), "status", List.of("pending"))).get(0);
        return pending.getSlotFirstRep().getReference().substring("Slot/".length());
    }

    private void advance(Duration by) {
        TestClock.advance(by);
    }
}
