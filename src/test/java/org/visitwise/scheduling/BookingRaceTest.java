package org.visitwise.scheduling;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.support.EhrState;
import org.visitwise.support.Journeys;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Twenty patients press "book" on the same slot at the same moment. */
@Tag("time-sensitive")
@QuarkusTest
class BookingRaceTest {

    @Inject
    SandboxEhrServer sandbox;

    @TestHTTPResource("/api/v1/appointments")
    URL appointments;

    @Test
    void twentyConcurrentBookingsOfOneSlotGiveExactlyOneAppointment() throws Exception {
        sandbox.reset();
        Journeys.twentyPatientsRaceForOneSlot(appointments, "prac-003", EhrState.of(sandbox.store()));
    }
}
