package org.visitwise.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;
import org.visitwise.sandbox.SandboxTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Scheduling scenarios through the HTTP API, with the EHR's state checked after each step. Run
 * against the sandbox EHR and against a real HAPI FHIR server, to prove they behave alike.
 */
public final class Journeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Journeys() {
    }

    /** find → hold → book → list → reschedule → cancel, for {@code patientId}. */
    public static void findHoldBookListRescheduleCancel(String patientId, EhrState ehr) {
        List<Map<String, Object>> slots = as(patientId).queryParam("practitioner", "prac-002")
                .queryParam("visitType", "follow-up").queryParam("from", outsideTheWindow()).get("/api/v1/slots")
                .then().statusCode(200).body("timeZone", equalTo("America/New_York"))
                .extract().jsonPath().getList("slots");
        assertTrue(slots.size() > 1 && slots.size() <= 5, "a page of at most 5");
        String slotId = (String) slots.get(0).get("id");
        String otherSlotId = (String) slots.get(1).get("id");
        assertEquals("Dr. Sam Chen", ((Map<?, ?>) slots.get(0).get("practitioner")).get("name"));

        String holdId = as(patientId).body(Map.of("slotId", slotId, "visitType", "follow-up")).post("/api/v1/holds")
                .then().statusCode(201).body("slot.id", equalTo(slotId)).extract().path("holdId");
        assertEquals(Slot.SlotStatus.BUSYTENTATIVE, ehr.slot(slotId));
        assertEquals(1, ehr.appointmentsOnSlot(slotId, "pending"));

        String appointmentId = as(patientId).header("Idempotency-Key", key()).body(Map.of("holdId", holdId))
                .post("/api/v1/appointments").then().statusCode(201).body("status", equalTo("booked"))
                .extract().path("id");
        assertEquals(Slot.SlotStatus.BUSY, ehr.slot(slotId));
        assertEquals(Appointment.AppointmentStatus.BOOKED, ehr.appointment(appointmentId));

        as(patientId).get("/api/v1/appointments").then().statusCode(200).body("appointments.id", hasItem(appointmentId));

        String movedId = as(patientId).body(Map.of("slotId", otherSlotId))
                .post("/api/v1/appointments/" + appointmentId + "/reschedule")
                .then().statusCode(200).body("status", equalTo("booked")).extract().path("id");
        assertEquals(Appointment.AppointmentStatus.CANCELLED, ehr.appointment(appointmentId));
        assertEquals(Slot.SlotStatus.FREE, ehr.slot(slotId));
        assertEquals(Slot.SlotStatus.BUSY, ehr.slot(otherSlotId));
        assertEquals(Appointment.AppointmentStatus.BOOKED, ehr.appointment(movedId));
        as(patientId).get("/api/v1/appointments").then().statusCode(200).body("appointments.id", hasItem(movedId))
                .body("appointments.id", not(hasItem(appointmentId)));

        as(patientId).post("/api/v1/appointments/" + movedId + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        assertEquals(Appointment.AppointmentStatus.CANCELLED, ehr.appointment(movedId));
        assertEquals(Slot.SlotStatus.FREE, ehr.slot(otherSlotId));
        as(patientId).get("/api/v1/appointments").then().statusCode(200).body("appointments.id", not(hasItem(movedId)));
    }

    /** Twenty patients book the same slot at once: one 201, nineteen 409 with alternatives, one booking. */
    public static void twentyPatientsRaceForOneSlot(URL appointments, String practitionerId, EhrState ehr)
            throws Exception {
        String slotId = as("pat-001").queryParam("practitioner", practitionerId).queryParam("from", outsideTheWindow())
                .get("/api/v1/slots").then().statusCode(200).extract().path("slots[0].id");
        String body = "{\"slotId\":\"" + slotId + "\",\"visitType\":\"follow-up\"}";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(appointments.toString()))
                    .header("Authorization", "Bearer " + SandboxTokens.patient(String.format("pat-%03d", i)))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key())
                    .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        int created = 0;
        int conflicts = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 201) {
                created++;
                JsonNode winner = JSON.readTree(response.body());
                assertEquals("booked", winner.get("status").asText());
                assertEquals(Appointment.AppointmentStatus.BOOKED, ehr.appointment(winner.get("id").asText()));
                continue;
            }
            assertEquals(409, response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            JsonNode problem = JSON.readTree(response.body());
            assertTrue(problem.get("alternatives").size() > 0, "a lost race offers alternatives");
            problem.get("alternatives").forEach(a -> assertTrue(!a.get("id").asText().equals(slotId)));
            conflicts++;
        }
        assertEquals(1, created);
        assertEquals(19, conflicts);
        assertEquals(1, ehr.appointmentsOnSlot(slotId, "booked"));
        assertEquals(Slot.SlotStatus.BUSY, ehr.slot(slotId));
    }

    /** The same Idempotency-Key twice: 201 then 200, one appointment. */
    public static void sameKeyTwiceBooksOnce(String patientId, String practitionerId, EhrState ehr) {
        String slotId = firstFreeSlot(patientId, practitionerId);
        String key = key();
        Map<String, String> body = Map.of("slotId", slotId, "visitType", "annual-physical");
        String first = as(patientId).header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        String second = as(patientId).header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                .then().statusCode(200).extract().path("id");
        assertEquals(first, second);
        assertEquals(1, ehr.appointmentsOnSlot(slotId, "booked"));
        assertEquals(Appointment.AppointmentStatus.BOOKED, ehr.appointment(first));
        assertEquals(Slot.SlotStatus.BUSY, ehr.slot(slotId));
    }

    /**
     * Five retries of one booking, sent at once with one idempotency key (and, as a confused client
     * might, five different slots): one appointment, and every answer names it.
     */
    public static void concurrentRetriesWithOneKeyBookOnce(String patientId, String practitionerId, EhrState ehr)
            throws Exception {
        List<String> slots = as(patientId).queryParam("practitioner", practitionerId).queryParam("from", outsideTheWindow())
                .get("/api/v1/slots").then().statusCode(200).extract().path("slots.id");
        List<String> five = slots.subList(0, 5);
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(five.size());
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (String slot : five) {
                answers.add(pool.submit(() -> as(patientId).header("Idempotency-Key", key)
                        .body(Map.of("slotId", slot, "visitType", "follow-up")).post("/api/v1/appointments")
                        .then().statusCode(anyOf(is(201), is(200)))
                        .extract().path("id")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertEquals(1, ids.size(), "every answer names the one appointment");
        } finally {
            pool.shutdown();
        }
        assertEquals(1, five.stream().mapToInt(s -> ehr.appointmentsOnSlot(s, "booked")).sum(), "one appointment in the EHR");
    }

    public static RequestSpecification as(String patientId) {
        return given().auth().oauth2(SandboxTokens.patient(patientId)).contentType(ContentType.JSON);
    }

    public static String firstFreeSlot(String patientId, String practitionerId) {
        return as(patientId).queryParam("practitioner", practitionerId).queryParam("from", outsideTheWindow())
                .get("/api/v1/slots").then().statusCode(200).extract().path("slots[0].id");
    }

    /** A first day whose slots all start more than the 24 h cancellation window from now. */
    public static String outsideTheWindow() {
        return TestClock.practiceToday().plusDays(3).toString();
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }
}
