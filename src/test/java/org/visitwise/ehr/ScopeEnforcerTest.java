package org.visitwise.ehr;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

class ScopeEnforcerTest {

    private static final ScopeEnforcer ENFORCER = new ScopeEnforcer(ScopePolicyLoader.load(Optional.of(Path.of("scopes"))));
    private static final EhrCallContext PATIENT_1 = new EhrCallContext(Purpose.PATIENT_SELF_SCHEDULING, "subject-1",
            "pat-001", "s-1", null);
    private static final EhrCallContext FRONT_DESK = new EhrCallContext(Purpose.FRONT_DESK_SCHEDULING, "staff-1",
            null, "s-2", null);

    @Test
    void patientMaySearchFreeSlots() {
        assertDoesNotThrow(() -> ENFORCER.authorize(PATIENT_1, FhirRequest.search("Slot",
                Map.of("schedule", List.of("Schedule/sched-prac-001"), "status", List.of("free"),
                        "start", List.of("ge2026-11-23", "lt2026-11-30"), "_count", List.of("5")))));
    }

    @Test
    void clinicalSearchIsRefusedForEveryPurpose() {
        for (Purpose purpose : Purpose.values()) {
            EhrCallContext ctx = new EhrCallContext(purpose, "someone", "pat-001", null, null);
            ScopeDeniedException e = assertThrows(ScopeDeniedException.class,
                    () -> ENFORCER.authorize(ctx, FhirRequest.search("Observation", Map.of("patient", List.of("pat-001")))));
            assertEquals("resource-not-in-scope", e.reason());
        }
    }

    @Test
    void patientCannotSearchAnotherPatientsAppointments() {
        ScopeDeniedException e = assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorize(PATIENT_1,
                FhirRequest.search("Appointment", Map.of("patient", List.of("Patient/pat-002")))));
        assertEquals("outside-patient-compartment", e.reason());
    }

    @Test
    void patientCannotSearchAppointmentsWithoutNamingThemselves() {
        assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorize(PATIENT_1,
                FhirRequest.search("Appointment", Map.of("date", List.of("ge2026-01-01")))));
        assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorize(PATIENT_1,
                FhirRequest.search("Appointment", Map.of("patient", List.of("Patient/pat-001", "Patient/pat-002")))));
        assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorize(PATIENT_1,
                FhirRequest.search("Appointment", Map.of("patient", List.of("Patient/pat-001,Patient/pat-002")))));
    }

    @Test
    void patientMaySearchOwnAppointments() {
        assertDoesNotThrow(() -> ENFORCER.authorize(PATIENT_1,
                FhirRequest.search("Appointment", Map.of("patient", List.of("Patient/pat-001"), "status", List.of("booked")))));
    }

    @Test
    void unlistedSearchParameterIsRefused() {
        ScopeDeniedException e = assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorize(FRONT_DESK,
                FhirRequest.search("Slot", Map.of("_has:Appointment:slot:patient", List.of("Patient/pat-001")))));
        assertEquals("search-parameter-not-allowed", e.reason());
    }

    @Test
    void patientPurposeCannotReadPatientsAtAll() {
        assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorize(PATIENT_1, FhirRequest.read("Patient", "pat-002")));
    }

    @Test
    void frontDeskMayReadAnyPatientButNotSearchThem() {
        assertDoesNotThrow(() -> ENFORCER.authorize(FRONT_DESK, FhirRequest.read("Patient", "pat-002")));
        ScopeDeniedException e = assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorize(FRONT_DESK,
                FhirRequest.search("Patient", Map.of("_id", List.of("pat-002")))));
        assertEquals("interaction-not-in-scope", e.reason());
    }

    @Test
    void patientPurposeWithoutPatientIsRefused() {
        EhrCallContext noPatient = new EhrCallContext(Purpose.PATIENT_SELF_SCHEDULING, "subject-1", null, null, null);
        ScopeDeniedException e = assertThrows(ScopeDeniedException.class,
                () -> ENFORCER.authorize(noPatient, FhirRequest.read("Slot", "slot-1")));
        assertEquals("no-patient-context", e.reason());
    }

    @Test
    void patientCannotBookForAnotherPatientInATransaction() {
        Bundle bundle = booking("Patient/pat-002");
        ScopeDeniedException e = assertThrows(ScopeDeniedException.class,
                () -> ENFORCER.authorize(PATIENT_1, FhirRequest.transaction(bundle)));
        assertEquals("outside-patient-compartment", e.reason());
        assertDoesNotThrow(() -> ENFORCER.authorize(PATIENT_1, FhirRequest.transaction(booking("Patient/pat-001"))));
    }

    @Test
    void deleteIsInNoScope() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Appointment/appt-004");
        assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorize(FRONT_DESK, FhirRequest.transaction(bundle)));
    }

    @Test
    void answerHoldingAnotherPatientsAppointmentIsRefused() {
        Appointment foreign = appointment("Patient/pat-002");
        Bundle answer = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        answer.addEntry().setResource(appointment("Patient/pat-001"));
        answer.addEntry().setResource(foreign);
        FhirRequest request = FhirRequest.search("Appointment", Map.of("patient", List.of("Patient/pat-001")));
        assertThrows(ScopeDeniedException.class, () -> ENFORCER.authorizeResult(PATIENT_1, request, answer));
        assertThrows(ScopeDeniedException.class,
                () -> ENFORCER.authorizeResult(PATIENT_1, FhirRequest.read("Appointment", "appt-x"), foreign));
        assertDoesNotThrow(() -> ENFORCER.authorizeResult(FRONT_DESK, request, answer));
    }

    private static Bundle booking(String patient) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:1").setResource(appointment(patient)).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Appointment");
        Slot slot = new Slot().setStatus(Slot.SlotStatus.BUSY);
        slot.setId("slot-1");
        bundle.addEntry().setResource(slot).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Slot/slot-1")
                .setIfMatch("W/\"1\"");
        return bundle;
    }

    private static Appointment appointment(String patient) {
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addParticipant().setActor(new Reference(patient));
        appointment.addParticipant().setActor(new Reference("Practitioner/prac-001"));
        return appointment;
    }
}
