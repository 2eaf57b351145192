package org.visitwise.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.ehr.EhrGateway;
import org.visitwise.support.EhrState;
import org.visitwise.support.HapiFhirProfile;
import org.visitwise.support.Journeys;
import org.visitwise.support.Management;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The same scenarios as against the sandbox EHR, against a real HAPI FHIR JPA server over mutual
 * TLS: proof that the sandbox's semantics are a real server's, and that the agent works with one.
 */
@Tag("time-sensitive")
@QuarkusTest
@TestProfile(HapiFhirProfile.class)
@Tag("interop")
class HapiFhirInteropTest {

    @Inject
    EhrGateway gateway;

    @TestHTTPResource("/api/v1/appointments")
    URL appointments;

    @Test
    void agentIsReadyAgainstHapiFhir() {
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void fullJourneyAgainstHapiFhir() {
        Journeys.findHoldBookListRescheduleCancel("pat-021", EhrState.of(gateway));
    }

    @Test
    void raceAgainstHapiFhirGivesExactlyOneBooking() throws Exception {
        Journeys.twentyPatientsRaceForOneSlot(appointments, "prac-001", EhrState.of(gateway));
    }

    /** Against HAPI's search cache (60 s by default): the retry right after the booking must find it. */
    @Test
    void idempotencyAgainstHapiFhir() {
        Journeys.sameKeyTwiceBooksOnce("pat-022", "prac-003", EhrState.of(gateway));
    }

    @Test
    void concurrentRetriesWithOneKeyBookOnceAgainstHapiFhir() throws Exception {
        Journeys.concurrentRetriesWithOneKeyBookOnce("pat-023", "prac-002", EhrState.of(gateway));
    }
}
