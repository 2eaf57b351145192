package org.visitwise.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.Chats;
import org.visitwise.support.EhrState;
import org.visitwise.support.Journeys;
import org.visitwise.support.LogFiles;
import org.visitwise.support.TestClock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The abuse limits of issue 12, with small allowances so that a test can reach them. */
@Tag("time-sensitive")
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
class LimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("visitwise.limits.conversations-per-subject-count", "3",
                    "visitwise.limits.conversations-per-address-count", "200",
                    "visitwise.limits.turns-per-conversation-count", "5",
                    "visitwise.limits.holds-per-patient-count", "20",
                    "visitwise.limits.bookings-per-patient-count", "2",
                    "visitwise.limits.failed-authentications-per-address-count", "5");
        }
    }

    @Inject
    SandboxEhrServer sandbox;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @AfterEach
    void refill() {
        // every allowance is full again for the next test; time only moves forward here, as a token
        // bucket expects (set back, a bucket would wait for the time it had already seen)
        TestClock.advance(Duration.ofDays(2));
    }

    @AfterAll
    static void realClock() {
        TestClock.reset();
    }

    private static Response open(String patient) {
        return given().auth().oauth2(SandboxTokens.patient(patient)).post("/api/v1/sessions");
    }

    private double refused(Limit limit) {
        return metrics.counter("visitwise.limits.refused", "limit", limit.code()).count();
    }

    private static long auditEvents(int from, String reason) {
        List<String> lines = LogFiles.auditLines();
        return lines.subList(from, lines.size()).stream().filter(l -> l.contains("\"rate-limited\"") && l.contains(reason)).count();
    }

    @Test
    void onePersonCannotOpenConversationsWithoutEnd() {
        int auditBefore = LogFiles.auditLines().size();
        double before = refused(Limit.CONVERSATIONS_PER_SUBJECT);
        for (int i = 0; i < 3; i++) {
            open("pat-031").then().statusCode(201);
        }
        for (int i = 0; i < 3; i++) {
            open("pat-031").then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("limit", equalTo("conversations-per-subject"));
        }
        open("pat-032").then().statusCode(201); // someone else is not held back
        assertEquals(3, refused(Limit.CONVERSATIONS_PER_SUBJECT) - before, 0.0, "every refusal is counted");
        assertEquals(1, auditEvents(auditBefore, "limit:conversations-per-subject"), "a burst is audited once");
        TestClock.advance(Duration.ofMinutes(15));
        open("pat-031").then().statusCode(201);
    }

    @Test
    void aConversationTakesSoManyTurnsAMinute() {
        String session = Chats.open("pat-033");
        for (int i = 0; i < 5; i++) {
            Chats.say("pat-033", session, "what are my appointments?");
        }
        given().auth().oauth2(SandboxTokens.patient("pat-033")).contentType(ContentType.JSON)
                .body(Map.of("text", "hello")).post("/api/v1/sessions/" + session + "/messages")
                .then().statusCode(429).header("Retry-After", notNullValue()).body("limit", equalTo("turns-per-conversation"));
        TestClock.advance(Duration.ofMinutes(1));
        Chats.say("pat-033", session, "hello");
    }

    @Test
    void concurrentHoldsOfOnePatientLeaveOneSlotHeld() throws Exception {
        List<String> ten = new ArrayList<>();
        for (String practitioner : List.of("prac-001", "prac-002", "prac-003")) {
            List<String> slots = Journeys.as("pat-034").queryParam("practitioner", practitioner)
                    .queryParam("from", Journeys.outsideTheWindow()).get("/api/v1/slots")
                    .then().statusCode(200).extract().path("slots.id");
            ten.addAll(slots.subList(0, Math.min(4, slots.size())));
        }
        assertTrue(ten.size() >= 8, "slots of several practitioners to race for: " + ten.size());
        ExecutorService pool = Executors.newFixedThreadPool(ten.size());
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (String slot : ten) {
                Callable<Integer> hold = () -> Journeys.as("pat-034").body(Map.of("slotId", slot, "visitType", "follow-up"))
                        .post("/api/v1/holds").statusCode();
                answers.add(pool.submit(hold));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get().intValue());
            }
        } finally {
            pool.shutdown();
        }
        EhrState ehr = EhrState.of(sandbox.store());
        int held = ten.stream().mapToInt(s -> ehr.appointmentsOnSlot(s, "pending")).sum();
        assertEquals(1, held, "each hold superseded the one before: one slot is held in the EHR");
        long tentative = ten.stream().filter(s -> ehr.slot(s) == org.hl7.fhir.r4.model.Slot.SlotStatus.BUSYTENTATIVE).count();
        assertEquals(1, tentative, "and the others are free again");
    }

    @Test
    void onePatientBooksSoManyTimesADay() {
        List<String> slots = Journeys.as("pat-035").queryParam("from", Journeys.outsideTheWindow()).get("/api/v1/slots")
                .then().statusCode(200).extract().path("slots.id");
        for (int i = 0; i < 2; i++) {
            Journeys.as("pat-035").header("Idempotency-Key", Journeys.key())
                    .body(Map.of("slotId", slots.get(i), "visitType", "follow-up")).post("/api/v1/appointments")
                    .then().statusCode(201);
        }
        Journeys.as("pat-035").header("Idempotency-Key", Journeys.key())
                .body(Map.of("slotId", slots.get(2), "visitType", "follow-up")).post("/api/v1/appointments")
                .then().statusCode(429).body("limit", equalTo("bookings-per-patient"));
        EhrState ehr = EhrState.of(sandbox.store());
        assertEquals(0, ehr.appointmentsOnSlot(slots.get(2), "booked"), "the third was not booked");
        assertEquals(org.hl7.fhir.r4.model.Slot.SlotStatus.FREE, ehr.slot(slots.get(2)));
    }

    @Test
    void anAddressThatKeepsFailingToSignInIsRefusedBeforeItsTokensAreRead() {
        int auditBefore = LogFiles.auditLines().size();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2("not-a-token-" + i).get("/api/v1/appointments").then().statusCode(401);
        }
        given().auth().oauth2("not-a-token").get("/api/v1/appointments").then().statusCode(429);
        Response refused = given().auth().oauth2(SandboxTokens.patient("pat-036")).get("/api/v1/appointments");
        refused.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("limit", equalTo("failed-authentications-per-address"));
        assertEquals(1, auditEvents(auditBefore, "limit:failed-authentications-per-address"));
        TestClock.advance(Duration.ofMinutes(1));
        Journeys.as("pat-036").get("/api/v1/appointments").then().statusCode(200);
        assertTrue(refused(Limit.FAILED_AUTHENTICATIONS_PER_ADDRESS) >= 1);
    }
}
