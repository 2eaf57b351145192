package org.visitwise.agent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.visitwise.support.Chats.choose;
import static org.visitwise.support.Chats.open;
import static org.visitwise.support.Chats.say;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.Journeys;
import org.visitwise.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The conversation as patients write: what was understood comes back with every reply and drives the
 * dialogue, in English and Spanish, and what the patient confirmed is what the EHR holds.
 */
@Tag("time-sensitive")
@QuarkusTest
class UnderstoodConversationTest {

    @Inject
    SandboxEhrServer sandbox;

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
    void aSpanishConversationIsUnderstoodAnsweredInSpanishAndBooksWhatWasConfirmed() {
        LocalDate day = aWeekdayOutsideTheWindow();
        String patient = "pat-014";
        JsonPath opened = given().auth().oauth2(SandboxTokens.patient(patient)).header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")
                .post("/api/v1/sessions").then().statusCode(201).extract().jsonPath();
        assertEquals("es", opened.getString("language"));
        assertTrue(opened.getString("reply").startsWith("¡Hola!"), opened.getString("reply"));
        assertEquals("Pedir una cita", opened.getString("options[0].label"));
        String session = opened.getString("sessionId");

        String when = day.format(DateTimeFormatter.ofPattern("d 'de' MMMM", Locale.forLanguageTag("es")));
        JsonPath offered = say(patient, session, "buenos días, quisiera una cita de seguimiento con el doctor Chen el " + when
                + " en la mañana");
        assertEquals("book", offered.getString("understood.intent"));
        assertEquals("prac-002", offered.getString("understood.practitionerId"));
        assertEquals("follow-up", offered.getString("understood.visitType"));
        assertEquals(day.toString(), offered.getString("understood.from"));
        assertEquals(day.toString(), offered.getString("understood.to"));
        assertEquals("morning", offered.getString("understood.time"));
        assertEquals("es", offered.getString("understood.language"));
        assertTrue(offered.getString("reply").startsWith("Busco horarios con Dr. Sam Chen"), offered.getString("reply"));
        assertEquals("S1", offered.getString("options[0].id"));
        assertTrue(offered.getString("options[0].label").contains(" a las "), offered.getString("options[0].label"));
        OffsetDateTime first = OffsetDateTime.parse(offered.getString("options[0].start"));
        assertEquals(day, first.toLocalDate());
        assertTrue(first.getHour() < 12, "a morning time");

        JsonPath held = choose(patient, session, "S1");
        assertTrue(held.getString("reply").startsWith("Le estoy reservando"), held.getString("reply"));
        JsonPath booked = say(patient, session, "sí, por favor");
        assertTrue(booked.getString("reply").startsWith("Reservada:"), booked.getString("reply"));
        Appointment appointment = (Appointment) sandbox.store().read("Appointment", booked.getString("appointment.id"));
        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment.getStatus());
        assertEquals(first.toInstant(), appointment.getStart().toInstant(), "the time confirmed is the time booked");
        assertTrue(appointment.getParticipant().stream().anyMatch(p -> ("Patient/" + patient).equals(p.getActor().getReference())));
        assertTrue(appointment.getParticipant().stream().anyMatch(p -> "Practitioner/prac-002".equals(p.getActor().getReference())));
    }

    @Test
    void theRegularDoctorIsThePatientsGeneralPractitionerReadWithOneMinimalRequest() {
        String patient = "pat-007";
        String session = open(patient);
        long before = sandbox.requestCount();
        JsonPath reply = say(patient, session, "Good morning! I need a follow-up with my regular doctor next week");
        assertEquals("prac-002", reply.getString("understood.practitionerId"), "pat-007's general practitioner");
        assertNull(reply.getString("understood.time"), "a greeting is not a time");
        LocalDate monday = TestClock.practiceToday().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY));
        assertEquals(monday.toString(), reply.getString("understood.from"));
        assertEquals(monday.plusDays(6).toString(), reply.getString("understood.to"));
        List<String> lines = sandbox.requestLines();
        List<String> patientReads = lines.subList((int) Math.min(before, lines.size()), lines.size()).stream()
                .filter(l -> l.contains("/Patient")).toList();
        assertEquals(1, patientReads.size(), patientReads.toString());
        assertTrue(patientReads.get(0).contains("_id=" + patient) && patientReads.get(0).contains("_elements=generalPractitioner"),
                patientReads.get(0));
        List<String> starts = reply.getList("options.start");
        assertFalse(starts.isEmpty() || starts.get(0) == null, "times were offered");
        assertTrue(reply.getList("options.label").get(0).toString().contains("Dr. Sam Chen"));
    }

    @Test
    void aCancellationThatNamesItsDayGoesStraightToTheConfirmation() {
        String patient = "pat-023";
        String slotId = Journeys.firstFreeSlot(patient, "prac-003");
        JsonPath made = Journeys.as(patient).header("Idempotency-Key", Journeys.key())
                .body(Map.of("slotId", slotId, "visitType", "follow-up")).post("/api/v1/appointments")
                .then().statusCode(201).extract().jsonPath();
        LocalDate day = OffsetDateTime.parse(made.getString("time.start")).toLocalDate();
        String session = open(patient);
        JsonPath confirm = say(patient, session, "hi, i need to cancel my appt with patel on "
                + day.format(DateTimeFormatter.ofPattern("MMM d", Locale.US)) + ", sorry");
        assertEquals("cancel", confirm.getString("understood.intent"));
        assertEquals("prac-003", confirm.getString("understood.practitionerId"));
        assertTrue(confirm.getString("reply").startsWith("Cancel your appointment on"), confirm.getString("reply"));
        assertEquals(List.of("yes", "menu"), confirm.getList("options.id"));
        JsonPath done = say(patient, session, "yes");
        assertEquals(made.getString("id"), done.getString("appointment.id"));
        assertEquals(Appointment.AppointmentStatus.CANCELLED,
                ((Appointment) sandbox.store().read("Appointment", made.getString("id"))).getStatus());
    }

    @Test
    void notCancellingJustMovingToNextWeekMovesTheOnlyAppointmentThere() {
        String patient = "pat-024";
        String slotId = Journeys.firstFreeSlot(patient, "prac-001");
        String original = Journeys.as(patient).header("Idempotency-Key", Journeys.key())
                .body(Map.of("slotId", slotId, "visitType", "follow-up")).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        assertEquals(1, Journeys.as(patient).get("/api/v1/appointments").then().extract().jsonPath()
                .getList("appointments").size(), "the patient has this one appointment");
        String session = open(patient);
        JsonPath offered = say(patient, session, "not cancelling, just need a new time next week");
        assertEquals("reschedule", offered.getString("understood.intent"));
        LocalDate monday = TestClock.practiceToday().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY));
        OffsetDateTime first = OffsetDateTime.parse(offered.getString("options[0].start"));
        assertFalse(first.toLocalDate().isBefore(monday) || first.toLocalDate().isAfter(monday.plusDays(6)),
                "a time next week: " + first);
        JsonPath confirm = choose(patient, session, "S1");
        assertTrue(confirm.getString("reply").startsWith("Move your appointment to"), confirm.getString("reply"));
        JsonPath moved = say(patient, session, "yes please");
        assertEquals(first.toInstant(), OffsetDateTime.parse(moved.getString("appointment.time.start")).toInstant());
        assertEquals(Appointment.AppointmentStatus.CANCELLED, ((Appointment) sandbox.store().read("Appointment", original)).getStatus());
        assertEquals(Appointment.AppointmentStatus.BOOKED,
                ((Appointment) sandbox.store().read("Appointment", moved.getString("appointment.id"))).getStatus());
    }

    @Test
    void helpAQuestionAboutAppointmentsAndAnOffTopicMessageEachGetTheirAnswer() {
        String patient = "pat-012";
        String session = open(patient);
        JsonPath help = say(patient, session, "what can you do?");
        assertEquals("help", help.getString("understood.intent"));
        assertTrue(help.getString("reply").startsWith("I can book a new appointment"), help.getString("reply"));
        JsonPath list = say(patient, session, "what appointments do I have?");
        assertEquals("list", list.getString("understood.intent"));
        assertTrue(list.getString("reply").startsWith("Your upcoming appointments:")
                || list.getString("reply").equals("You have no upcoming appointments."), list.getString("reply"));
        JsonPath clinical = say(patient, session, "should I keep taking my blood pressure pills before the visit?");
        assertEquals("clinical", clinical.getString("understood.intent"));
        assertTrue(clinical.getString("reply").startsWith("I can't give medical advice"), clinical.getString("reply"));
        JsonPath other = say(patient, session, "do you take Aetna?");
        assertEquals("other", other.getString("understood.intent"));
        assertEquals(List.of("book", "list", "cancel", "reschedule"), other.getList("options.id"));
        JsonPath types = choose(patient, session, "book");
        assertTrue(types.getList("options.id").contains("vt:follow-up"), "the menu works after any answer");
    }

    @Test
    void anEmergencyInABookingRequestGetsTheSafetyMessageInItsLanguageAndNoBookingFlow() {
        String patient = "pat-015";
        String session = open(patient);
        JsonPath en = say(patient, session, "can I get in today, my chest is tight and my arm hurts");
        assertEquals("emergency", en.getString("understood.intent"));
        assertTrue(en.getString("reply").contains("911"), en.getString("reply"));
        assertTrue(en.getList("options").isEmpty(), "no booking flow");
        JsonPath es = say(patient, session, "necesito cita, a mi papá se le cayó la cara de un lado y no habla bien");
        assertEquals("es", es.getString("understood.language"));
        assertTrue(es.getString("reply").contains("911") && !es.getString("reply").equals(en.getString("reply")));
    }

    /** The first weekday at least three days ahead (outside the cancellation window, inside the sandbox's slots). */
    private static LocalDate aWeekdayOutsideTheWindow() {
        LocalDate day = TestClock.practiceToday().plusDays(3);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

}
