package org.visitwise.ehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.support.Bookings;
import org.visitwise.support.LogFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EhrGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EhrGateway gateway;

    @Inject
    SandboxEhrServer sandbox;

    private final EhrCallContext patient1 = new EhrCallContext(Purpose.PATIENT_SELF_SCHEDULING, "subject-1",
            "pat-001", "session-1", null);
    private final EhrCallContext frontDesk = new EhrCallContext(Purpose.FRONT_DESK_SCHEDULING, "staff-7", "pat-020",
            "session-2", null);

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void readsASlotOverMutualTlsWithItsVersion() {
        Slot slot = firstFreeSlot();
        Slot read = gateway.read(patient1, Slot.class, slot.getIdElement().getIdPart());
        assertEquals(slot.getIdElement().getIdPart(), read.getIdElement().getIdPart());
        assertEquals("1", read.getMeta().getVersionId());
        assertEquals(Slot.SlotStatus.FREE, read.getStatus());
    }

    @Test
    void slotSearchIsAllowedForAPatientAndAsksOnlyForWhatIsNeeded() {
        Bundle bundle = gateway.search(patient1, "Slot", Map.of("schedule", List.of("Schedule/sched-prac-001"),
                "status", List.of("free"), "_count", List.of("3"), "_elements", List.of("start,end,status")));
        assertEquals(3, bundle.getEntry().size());
        Slot slot = (Slot) bundle.getEntryFirstRep().getResource();
        assertTrue(slot.hasStart());
        assertFalse(slot.hasServiceType(), "_elements left the service types out");
    }

    @Test
    void searchWithoutCountGetsTheConfiguredDefault() {
        Bundle bundle = gateway.search(patient1, "Slot", Map.of("status", List.of("free")));
        assertEquals(20, bundle.getEntry().size());
        assertTrue(bundle.getTotal() > 20);
    }

    @Test
    void observationSearchIsRefusedBeforeAnyRequestLeavesAndIsAudited() {
        long before = sandbox.requestCount();
        int auditBefore = LogFiles.auditLines().size();
        ScopeDeniedException e = assertThrows(ScopeDeniedException.class, () -> gateway.search(patient1,
                "Observation", Map.of("patient", List.of("Patient/pat-001"))));
        assertEquals("resource-not-in-scope", e.reason());
        assertEquals(before, sandbox.requestCount(), "no request reached the EHR");
        JsonNode event = onlyNewAuditEvent(auditBefore);
        assertEquals("4", event.get("outcome").asText());
        assertEquals("scope-denied:resource-not-in-scope", event.get("reason").asText());
        assertEquals("Observation", event.get("resourceType").asText());
        assertTrue(event.get("queryParameters").toString().contains("\"patient\""), "parameter names are kept");
        assertFalse(event.toString().contains("pat-001"), "parameter values are not");
    }

    @Test
    void appointmentSearchForAnotherPatientIsRefusedAndAudited() {
        long before = sandbox.requestCount();
        int auditBefore = LogFiles.auditLines().size();
        assertThrows(ScopeDeniedException.class, () -> gateway.search(patient1, "Appointment",
                Map.of("patient", List.of("Patient/pat-002"))));
        assertEquals(before, sandbox.requestCount());
        JsonNode event = onlyNewAuditEvent(auditBefore);
        assertEquals("scope-denied:outside-patient-compartment", event.get("reason").asText());
        assertFalse(event.toString().contains("pat-002"), "the other patient's id is not in the event");
    }

    @Test
    void patientSeesOwnAppointmentsOnly() {
        Bundle bundle = gateway.search(patient1, "Appointment", Map.of("patient", List.of("Patient/pat-001")));
        assertEquals(3, bundle.getEntry().size());
        assertThrows(EhrNotFoundException.class, () -> gateway.read(patient1, Appointment.class, "appt-006"),
                "another patient's appointment reads as not found, never as forbidden");
    }

    @Test
    void staleUpdateIsAVersionConflictAndChangesNothing() {
        Slot slot = gateway.read(frontDesk, Slot.class, firstFreeSlot().getIdElement().getIdPart());
        Slot updated = gateway.update(frontDesk, slot.copy().setComment("changed once"));
        assertEquals("2", updated.getMeta().getVersionId());
        EhrVersionConflictException e = assertThrows(EhrVersionConflictException.class,
                () -> gateway.update(frontDesk, slot.copy().setComment("stale")));
        assertEquals(412, e.status());
        assertEquals("changed once", gateway.read(frontDesk, Slot.class, slot.getIdElement().getIdPart()).getComment());
    }

    @Test
    void bookingTransactionIsAllOrNothingThroughTheGateway() {
        Slot slot = gateway.read(frontDesk, Slot.class, firstFreeSlot().getIdElement().getIdPart());
        gateway.update(frontDesk, slot.copy()); // another booking moved the slot to version 2
        int appointmentsBefore = sandbox.store().count("Appointment");

        assertThrows(EhrVersionConflictException.class, () -> gateway.transaction(frontDesk, Bookings.transaction(slot, "pat-020")));
        assertEquals(appointmentsBefore, sandbox.store().count("Appointment"));
        assertEquals(Slot.SlotStatus.FREE, gateway.read(frontDesk, Slot.class, slot.getIdElement().getIdPart()).getStatus());

        Slot current = gateway.read(frontDesk, Slot.class, slot.getIdElement().getIdPart());
        Bundle response = gateway.transaction(frontDesk, Bookings.transaction(current, "pat-020"));
        assertEquals("201 Created", response.getEntryFirstRep().getResponse().getStatus());
        assertEquals(appointmentsBefore + 1, sandbox.store().count("Appointment"));
        assertEquals(Slot.SlotStatus.BUSY, gateway.read(frontDesk, Slot.class, slot.getIdElement().getIdPart()).getStatus());
    }

    @Test
    void everyCallAllowedOrRefusedYieldsExactlyOneAuditEvent() {
        int auditBefore = LogFiles.auditLines().size();
        long requestsBefore = sandbox.requestCount();
        gateway.read(patient1, Slot.class, firstFreeSlot().getIdElement().getIdPart());
        gateway.search(patient1, "Appointment", Map.of("patient", List.of("Patient/pat-001")));
        assertThrows(ScopeDeniedException.class, () -> gateway.search(patient1, "Condition", Map.of()));
        assertThrows(EhrNotFoundException.class, () -> gateway.read(frontDesk, Slot.class, "no-such-slot"));
        List<String> events = LogFiles.auditLinesAfter(auditBefore);
        long requests = sandbox.requestCount() - requestsBefore;
        assertEquals(3, requests, "read + search + failed read reached the EHR; the refusal did not");
        assertEquals(4, events.size(), "3 EHR interactions + 1 refusal");
    }

    private Slot firstFreeSlot() {
        return (Slot) sandbox.store().search("Slot", Map.of("status", List.of("free"))).get(0);
    }

    private static JsonNode onlyNewAuditEvent(int auditBefore) {
        List<String> lines = LogFiles.auditLinesAfter(auditBefore);
        assertEquals(1, lines.size(), "exactly one audit event");
        try {
            return JSON.readTree(lines.get(0));
        } catch (Exception e) {
            throw new AssertionError("audit line is not JSON", e);
        }
    }
}
