package org.visitwise.ehr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

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
