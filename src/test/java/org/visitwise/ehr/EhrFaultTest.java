package org.visitwise.ehr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.visitwise.support.FaultyEhrProfile;
import org.visitwise.support.InjectWireMock;
import org.visitwise.support.LogFiles;
import org.visitwise.support.Management;
import org.visitwise.support.TestClock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** How the gateway behaves when the EHR misbehaves: every failure typed, audited, and PHI-free. */
@QuarkusTest
@TestProfile(FaultyEhrProfile.class)
class EhrFaultTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @Inject
    EhrGateway gateway;

    @InjectWireMock
    WireMockServer ehr;

    private final EhrCallContext frontDesk = new EhrCallContext(Purpose.FRONT_DESK_SCHEDULING, "staff-1", "pat-003",
            "s-1", null);

    @BeforeEach
    void resetEhr() {
        ehr.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void aFailingEhrOpensTheCircuitSoCallsFailAtOnceReadinessIsDownAndItRecovers() throws Exception {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Slot")).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 7; i++) { // three attempts each: enough failures to open the breaker
            assertThrows(EhrUnavailableException.class, () -> gateway.search(frontDesk, "Slot", Map.of("status", List.of("free"))));
        }
        int asked = ehr.findAll(anyRequestedFor(anyUrl())).size();
        int auditBefore = LogFiles.auditLines().size();
        EhrUnavailableException open = assertThrows(EhrUnavailableException.class,
                () -> gateway.search(frontDesk, "Slot", Map.of("status", List.of("free"))));
        assertTrue(open.getMessage().contains("circuit-open"), open.getMessage());
        assertEquals(asked, ehr.findAll(anyRequestedFor(anyUrl())).size(), "an open circuit does not call the EHR");
        assertTrue(LogFiles.auditLinesAfter(auditBefore).stream().allMatch(l -> l.contains("\"reason\":\"circuit-open\"")),
                "each refused call is audited with its failure");
        Management.given().get("/q/health/ready").then().statusCode(503).body(containsString("circuit-open"));

        ehr.resetAll();
        ehr.stubFor(get(urlPathEqualTo("/fhir/metadata")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", FHIR_JSON)
                .withBody("{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\",\"kind\":\"instance\",\"fhirVersion\":\"4.0.1\","
                        + "\"date\":\"2026-01-01\",\"format\":[\"json\"],\"software\":{\"name\":\"faulty\"}}")));
        ehr.stubFor(get(urlPathEqualTo("/fhir/Slot")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", FHIR_JSON)
                .withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}")));
        boolean recovered = false;
        for (int i = 0; i < 50 && !recovered; i++) { // the breaker lets calls through again after its delay
            Thread.sleep(200);
            try {
                gateway.search(frontDesk, "Slot", Map.of("status", List.of("free")));
                recovered = true;
            } catch (EhrUnavailableException stillOpen) {
                // not yet
            }
        }
        assertTrue(recovered, "the circuit closes once the EHR answers again");
        Management.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void hapiStyle409OnATransactionIsAVersionConflict() {
        ehr.stubFor(post(urlPathEqualTo("/fhir")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", FHIR_JSON).withBody("{\"resourceType\":\"OperationOutcome\"}")));
        EhrVersionConflictException e = assertThrows(EhrVersionConflictException.class,
                () -> gateway.transaction(frontDesk, booking()));
        assertEquals(409, e.status());
    }

    @Test
    void unavailableEhrIsRetriedForReadsThenReportedAndEveryAttemptAudited() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Slot")).willReturn(aResponse().withStatus(503)));
        int auditBefore = LogFiles.auditLines().size();
        EhrUnavailableException e = assertThrows(EhrUnavailableException.class,
                () -> gateway.search(frontDesk, "Slot", Map.of("status", List.of("free"))));
        assertEquals(503, e.status());
        assertEquals(3, ehr.findAll(anyRequestedFor(anyUrl())).size(), "one try and two retries");
        assertEquals(3, LogFiles.auditLinesAfter(auditBefore).size(), "one audit event per attempt");
    }

    @Test
    void writesAreNeverRetried() {
        ehr.stubFor(post(urlPathEqualTo("/fhir")).willReturn(aResponse().withStatus(503)));
        assertThrows(EhrUnavailableException.class, () -> gateway.transaction(frontDesk, booking()));
        assertEquals(1, ehr.findAll(anyRequestedFor(anyUrl())).size(), "an unknown write outcome is not retried blindly");
    }

    @Test
    void slowEhrTimesOutAsUnavailable() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Slot/slot-1")).willReturn(aResponse().withFixedDelay(1500)
                .withStatus(200).withHeader("Content-Type", FHIR_JSON).withBody("{\"resourceType\":\"Slot\"}")));
        assertThrows(EhrUnavailableException.class, () -> gateway.read(frontDesk, Slot.class, "slot-1"));
    }

    @Test
    void droppedConnectionAndGarbageAreUnavailable() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/Slot/slot-1")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThrows(EhrUnavailableException.class, () -> gateway.read(frontDesk, Slot.class, "slot-1"));
        ehr.resetAll();
        ehr.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", FHIR_JSON)
                .withBody("<html>not FHIR</html>")));
        assertThrows(EhrUnavailableException.class, () -> gateway.read(frontDesk, Slot.class, "slot-1"));
    }

    @Test
    void readinessIsDownWhenTheEhrFails() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/metadata")).willReturn(aResponse().withStatus(500)));
        TestClock.advance(Duration.ofMinutes(1)); // past the readiness cache: the EHR is asked
        Management.given().get("/q/health/ready").then().statusCode(503);
    }

    private static Bundle booking() {
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addParticipant().setActor(new Reference("Patient/pat-003"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:5b0f3a2e-9d8c-4b7a-8e6f-1a2b3c4d5e6f").setResource(appointment)
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Appointment");
        return bundle;
    }
}
