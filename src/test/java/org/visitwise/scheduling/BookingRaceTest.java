package org.visitwise.scheduling;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Twenty patients press "book" on the same slot at the same moment. */
@QuarkusTest
class BookingRaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxEhrServer sandbox;

    @TestHTTPResource("/api/v1/appointments")
    URL appointments;

    @Test
    void twentyConcurrentBookingsOfOneSlotGiveExactlyOneAppointment() throws Exception {
        sandbox.reset();
        String slotId = given().auth().oauth2(SandboxTokens.patient("pat-001")).queryParam("practitioner", "prac-003")
                .get("/api/v1/slots").then().statusCode(200).extract().path("slots[0].id");
        String body = "{\"slotId\":\"" + slotId + "\",\"visitType\":\"follow-up\"}";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            tokens.add(SandboxTokens.patient(String.format("pat-%03d", i)));
        }
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String token : tokens) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(appointments.toString()))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        int created = 0;
        int conflicts = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 201) {
                created++;
            } else {
                assertEquals(409, response.statusCode(), response.body());
                JsonNode problem = JSON.readTree(response.body());
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
                assertTrue(problem.get("alternatives").size() > 0, "a lost race offers alternatives");
                problem.get("alternatives").forEach(a -> assertTrue(!a.get("id").asText().equals(slotId)));
                conflicts++;
            }
        }
        assertEquals(1, created);
        assertEquals(19, conflicts);
        assertEquals(1, sandbox.store().search("Appointment",
                Map.of("slot", List.of("Slot/" + slotId), "status", List.of("booked"))).size());
        assertEquals(Slot.SlotStatus.BUSY, ((Slot) sandbox.store().read("Slot", slotId)).getStatus());
    }
}
