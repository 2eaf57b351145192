package org.visitwise.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.support.KeycloakProfile;
import org.visitwise.support.KeycloakResource;
import org.visitwise.support.TestClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The real identity provider end to end: a Keycloak server started from its distribution with the
 * project's realm (patients with the patient claim, staff with roles and OTP, the EHR's confidential
 * client with a service account), and the agent verifying its tokens exactly as in production
 * (OIDC discovery for people, the realm's JWKS for the service account).
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@Tag("keycloak")
class KeycloakIdentityTest {

    /** Test-fixture credentials of the realm file (loopback Keycloak only). */
    private static final String PASSWORD = "test-fixture-password";
    private static final String TOTP_SECRET = "test-fixture-totp-secret-00000001";
    private static final String EHR_CLIENT_SECRET = "test-fixture-ehr-gateway-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    SandboxEhrServer sandbox;

    @Test
    void patientBooksTheirOwnAppointment() {
        String token = person("synth-patient-one", false);
        String slot = firstFreeSlot(token, "");
        String id = given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("slotId", slot, "visitType", "follow-up"))
                .post("/api/v1/appointments").then().statusCode(201).body("status", equalTo("booked")).extract().path("id");
        Appointment booked = (Appointment) sandbox.store().read("Appointment", id);
        assertEquals(Appointment.AppointmentStatus.BOOKED, booked.getStatus());
        assertTrue(booked.getParticipant().stream().anyMatch(p -> "Patient/pat-001".equals(p.getActor().getReference())),
                "booked for the patient of the token");
        given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(200).body("appointments.id", hasItem(id));
        // naming another patient is not the patient's to do
        given().auth().oauth2(token).get("/api/v1/appointments?patient=Patient/pat-002").then().statusCode(400);
    }

    @Test
    void frontDeskBooksForAPatient() {
        String token = person("synth-desk-one", true);
        String slot = firstFreeSlot(token, "&patient=Patient/pat-005");
        String id = given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("slotId", slot, "visitType", "follow-up"))
                .post("/api/v1/appointments?patient=Patient/pat-005").then().statusCode(201)
                .body("status", equalTo("booked")).extract().path("id");
        Appointment booked = (Appointment) sandbox.store().read("Appointment", id);
        assertEquals(Appointment.AppointmentStatus.BOOKED, booked.getStatus());
        assertTrue(booked.getParticipant().stream().anyMatch(p -> "Patient/pat-005".equals(p.getActor().getReference())));
    }

    @Test
    void billingReadsButCannotBook() {
        String token = person("synth-billing-one", true);
        given().auth().oauth2(token).get("/api/v1/appointments?patient=Patient/pat-001").then().statusCode(200)
                .body("appointments.id", hasItem("appt-005"));
        given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("slotId", "slot-any", "visitType", "follow-up"))
                .post("/api/v1/appointments?patient=Patient/pat-001").then().statusCode(403);
        given().auth().oauth2(token).get("/api/v1/slots?patient=Patient/pat-001").then().statusCode(403);
    }

    @Test
    void staffWithoutTheirSecondFactorGetNoToken() throws Exception {
        HttpResponse<String> refused = tokenRequest(Map.of("grant_type", "password", "client_id", "visitwise-web",
                "username", "synth-desk-one", "password", PASSWORD));
        assertEquals(400, refused.statusCode(), "OTP is required for staff");
        assertEquals("invalid_grant", JSON.readTree(refused.body()).get("error").asText());
    }

    @Test
    void ehrServiceAccountOpensAConversationForAPatient() throws Exception {
        String token = serviceAccount();
        String sessionId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("patient", "Patient/pat-007", "channel", "sms"))
                .post("/api/v1/ehr/sessions").then().statusCode(201).extract().path("sessionId");
        assertTrue(sessionId.startsWith("s-"));
        // each service-account token is good for one request
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", "hello"))
                .post("/api/v1/ehr/sessions/" + sessionId + "/messages").then().statusCode(401);
        given().auth().oauth2(serviceAccount()).contentType(ContentType.JSON).body(Map.of("choice", "list"))
                .post("/api/v1/ehr/sessions/" + sessionId + "/messages").then().statusCode(200)
                .body("reply", startsWith("Your upcoming appointments:")).body("options.id", hasItem("book"));
        // the same IdP issues it, so the people's side verifies it, but no people's role is the service
        // account's: it holds nothing there
        given().auth().oauth2(serviceAccount()).get("/api/v1/slots").then().statusCode(403);
        // and a person's token (another client of the same IdP) is refused on the EHR's endpoints
        given().auth().oauth2(person("synth-patient-one", false)).contentType(ContentType.JSON)
                .body(Map.of("patient", "Patient/pat-001", "channel", "sms")).post("/api/v1/ehr/sessions").then().statusCode(401);
    }

    private static String firstFreeSlot(String token, String patient) {
        List<String> slots = given().auth().oauth2(token)
                .get("/api/v1/slots?practitioner=prac-003&visitType=follow-up&from=" + TestClock.practiceToday().plusDays(4) + patient)
                .then().statusCode(200).extract().jsonPath().getList("slots.id");
        assertTrue(!slots.isEmpty(), "free slots");
        return slots.get((int) (Math.random() * slots.size()));
    }

    private static String person(String username, boolean staff) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "visitwise-web",
                "username", username, "password", PASSWORD));
        if (staff) {
            form.put("totp", totp(TOTP_SECRET));
        }
        return accessToken(form);
    }

    private static String serviceAccount() {
        return accessToken(Map.of("grant_type", "client_credentials", "client_id", "ehr-gateway",
                "client_secret", EHR_CLIENT_SECRET));
    }

    private static String accessToken(Map<String, String> form) {
        try {
            HttpResponse<String> response = tokenRequest(form);
            assertEquals(200, response.statusCode(), "Keycloak token endpoint");
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("no token from Keycloak", e);
        }
    }

    private static HttpResponse<String> tokenRequest(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakResource.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits), as the staff member's authenticator app computes it. */
    static String totp(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 1000 / 30).array());
            int offset = hash[hash.length - 1] & 0xf;
            int code = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
            return String.format("%06d", code);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
