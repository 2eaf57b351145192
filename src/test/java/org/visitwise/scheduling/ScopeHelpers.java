package org.visitwise.scheduling;

import java.util.Set;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Appointment;

final class ScopeHelpers {

    private ScopeHelpers() {
    }

    static Set<String> patientsOf(Appointment appointment) {
        return appointment.getParticipant().stream().map(p -> p.getActor().getReference())
                .filter(r -> r != null && r.startsWith("Patient/")).collect(Collectors.toSet());
    }
}
