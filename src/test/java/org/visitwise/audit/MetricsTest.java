package org.visitwise.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.Journeys;
import org.visitwise.support.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What operators watch: FHIR latency by resource and outcome, scheduling actions, turns, audit events — tagged without ids. */
@QuarkusTest
class MetricsTest {

    @Test
    void aBookingAndATurnShowUpInTheScrapeWithoutAnyIdInATag() {
        String slot = Journeys.firstFreeSlot("pat-009", "prac-002");
        Journeys.as("pat-009").header("Idempotency-Key", Journeys.key())
                .body(Map.of("slotId", slot, "visitType", "follow-up")).post("/api/v1/appointments").then().statusCode(201);
        String session = given().auth().oauth2(SandboxTokens.patient("pat-009")).post("/api/v1/sessions").then().statusCode(201)
                .extract().path("sessionId");
        given().auth().oauth2(SandboxTokens.patient("pat-009")).contentType(ContentType.JSON).body(Map.of("choice", "list"))
                .post("/api/v1/sessions/" + session + "/messages").then().statusCode(200);

        // answers no route template matched, with an id in the path: not a tag
        given().auth().oauth2(SandboxTokens.patient("pat-009")).options("/api/v1/sessions/" + session + "/messages");
        given().auth().oauth2(SandboxTokens.patient("pat-009")).put("/api/v1/sessions/" + session + "/messages");
        given().get("/q/metrics").then().statusCode(404); // not on the patients' port
        String scrape = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String series : List.of(
                "visitwise_ehr_requests_seconds_count{interaction=\"search-type\",outcome=\"ok\",resource=\"Slot\"}",
                "visitwise_ehr_requests_seconds_bucket{interaction=\"transaction\"",
                "visitwise_scheduling_actions_total{action=\"book\"}",
                "visitwise_conversation_turns_total{channel=\"web\"}",
                "visitwise_audit_events_total{type=\"rest\"}",
                "visitwise_sessions_active")) {
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith(series) && !l.endsWith(" 0.0")), "missing or zero: " + series);
        }
        // no request path can become a tag: there are no per-request HTTP series (the Vert.x binder is off)
        assertTrue(scrape.lines().noneMatch(l -> l.startsWith("http_server_requests")), "per-path HTTP series");
        Pattern ids = Pattern.compile("(pat|prac|slot|appt|loc)-\\d|[\"/][sh]-[A-Za-z0-9_-]{20,}|hmac:");
        List<String> leaking = scrape.lines().filter(l -> !l.startsWith("#") && ids.matcher(l).find()).toList();
        assertTrue(leaking.isEmpty(), leaking.toString());
    }
}
