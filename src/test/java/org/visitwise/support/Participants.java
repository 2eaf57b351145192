package org.visitwise.support;

import java.util.Set;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Appointment;

/** Who an Appointment in the EHR is for, as tests read it back. */
public final class Participants {

    private Participants() {
    }

    /** The {@code Patient/…} references among the appointment's participants. */
    public static Set<String> patientsOf(Appointment appointment) {
        return appointment.getParticipant().stream().map(p -> p.getActor().getReference())
                .filter(r -> r != null && r.startsWith("Patient/")).collect(Collectors.toSet());
    }
}
