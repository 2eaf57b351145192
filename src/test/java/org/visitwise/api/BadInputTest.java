package org.visitwise.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.Chats;
import org.visitwise.support.Journeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Input an attacker sent a running release (issue 12): each gets a clear problem+json answer, never a
 * 5xx, never a request the EHR should not see, and the conversation goes on afterwards.
 */
@QuarkusTest
class BadInputTest {

    @Inject
    SandboxEhrServer sandbox;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = { ".", "..", "..." })
    void anIdOfDotsIsRefusedBeforeTheEhrIsAsked(String id) {
        long before = sandbox.requestCount();
        Journeys.as("pat-015").body(Map.of("slotId", id, "visitType", "follow-up")).post("/api/v1/holds")
                .then().statusCode(400).contentType("application/problem+json");
        Journeys.as("pat-015").body(Map.of("slotId", id)).post("/api/v1/appointments/appt-x/reschedule")
                .then().statusCode(400).contentType("application/problem+json");
        Journeys.as("pat-015").queryParam("practitioner", id).get("/api/v1/slots")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, sandbox.requestCount(), "nothing reached the EHR");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t\n\r ", "\u200B", "\u00A0", "\u3000", "\uFEFF", "\u0000", "\u202E\u2066" })
    void blankOrInvisibleTextIsAClearErrorAndTheConversationGoesOn(String text) {
        String session = Chats.open("pat-016");
        Response answer = given().auth().oauth2(SandboxTokens.patient("pat-016")).contentType(ContentType.JSON)
                .body(Map.of("text", text)).post("/api/v1/sessions/" + session + "/messages");
        answer.then().statusCode(400).contentType("application/problem+json")
                .body("title", not(containsString("Exception"))).body(not(containsString("at org.")));
        String next = Chats.say("pat-016", session, "what are my appointments?").getString("reply");
        assertFalse(next == null || next.isBlank(), "the conversation answers the next message");
    }

    @ParameterizedTest
    @ValueSource(strings = { "9999-12-31", "0000-01-01", "1900-01-01", "3026-01-01" })
    void aDateFarFromTodayIsRefusedNotSentToTheEhr(String day) {
        long before = sandbox.requestCount();
        Journeys.as("pat-015").queryParam("from", day).get("/api/v1/slots")
                .then().statusCode(400).contentType("application/problem+json").body(not(containsString(day)));
        Journeys.as("pat-015").queryParam("to", day).get("/api/v1/slots")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, sandbox.requestCount(), "nothing reached the EHR");
    }

    @Test
    void aFarDayInTheChatIsAnsweredNotA502() {
        String session = Chats.open("pat-016");
        for (String text : List.of("book me a follow-up on 12/31/9999", "book me on 31/12/99999", "book Dec 31 9999")) {
            String reply = Chats.say("pat-016", session, text).getString("reply");
            assertFalse(reply == null || reply.isBlank(), text);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        String session = Chats.open("pat-016");
        byte[] body = { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}' };
        given().auth().oauth2(SandboxTokens.patient("pat-016")).contentType("application/json; charset=UTF-8")
                .body(body).post("/api/v1/sessions/" + session + "/messages")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void jsonWithTrailingDataIsRefused() {
        String session = Chats.open("pat-016");
        given().auth().oauth2(SandboxTokens.patient("pat-016")).contentType(ContentType.JSON)
                .body("{\"text\":\"hello\"} {\"text\":\"again\"}").post("/api/v1/sessions/" + session + "/messages")
                .then().statusCode(400).contentType("application/problem+json");
        Journeys.as("pat-015").body("{\"slotId\":\"slot-1\",\"visitType\":\"follow-up\"}xyz").post("/api/v1/holds")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aPathWithMatrixParametersIsNotFoundWhateverTheToken() {
        given().auth().oauth2(SandboxTokens.patient("pat-016")).contentType(ContentType.JSON)
                .body(Map.of("patient", "Patient/pat-016", "channel", "sms")).post("/api/v1/ehr;x=1/sessions")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(SandboxTokens.patient("pat-016")).post("/api/v1/sessions;x=1").then().statusCode(404);
    }

    @Test
    void staffNamingAnotherPatientInAConversationAreToldNotIgnored() {
        String token = SandboxTokens.frontDesk("dana");
        String session = given().auth().oauth2(token).queryParam("patient", "Patient/pat-020").post("/api/v1/sessions")
                .then().statusCode(201).extract().path("sessionId");
        given().auth().oauth2(token).queryParam("patient", "Patient/pat-021").contentType(ContentType.JSON)
                .body(Map.of("text", "what are the appointments?")).post("/api/v1/sessions/" + session + "/messages")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("other-patient"));
        given().auth().oauth2(token).queryParam("patient", "Patient/pat-020").contentType(ContentType.JSON)
                .body(Map.of("text", "what are the appointments?")).post("/api/v1/sessions/" + session + "/messages")
                .then().statusCode(200);
    }

    @Test
    void locationIsAPathOnThisServerWhateverTheHostHeader() {
        given().auth().oauth2(SandboxTokens.patient("pat-016")).header("Host", "evil.example").post("/api/v1/sessions")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.startsWith("/api/v1/sessions/"));
    }

    @Test
    void everyAnswerCarriesTheHardeningHeadersAndPatientDataIsNeverStored() {
        String session = Chats.open("pat-016");
        Response reply = given().auth().oauth2(SandboxTokens.patient("pat-016")).contentType(ContentType.JSON)
                .body(Map.of("text", "what are my appointments?")).post("/api/v1/sessions/" + session + "/messages");
        Response list = Journeys.as("pat-016").get("/api/v1/appointments");
        Response refused = given().get("/api/v1/appointments");
        for (Response r : List.of(reply, list, refused)) {
            r.then().header("Cache-Control", containsString("no-store"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }
}
