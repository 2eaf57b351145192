package org.visitwise.support;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Slot;
import org.visitwise.ehr.EhrCallContext;
import org.visitwise.ehr.EhrGateway;
import org.visitwise.ehr.Purpose;
import org.visitwise.sandbox.SandboxStore;

/** Reads the EHR's state back, to assert what a scenario left there. */
public interface EhrState {

    Slot.SlotStatus slot(String slotId);

    Appointment.AppointmentStatus appointment(String appointmentId);

    /** How many Appointments with this status reference the slot. */
    int appointmentsOnSlot(String slotId, String status);

    /** Straight from the sandbox's store. */
    static EhrState of(SandboxStore store) {
        return new EhrState() {
            @Override
            public Slot.SlotStatus slot(String slotId) {
                return ((Slot) store.read("Slot", slotId)).getStatus();
            }

            @Override
            public Appointment.AppointmentStatus appointment(String appointmentId) {
                return ((Appointment) store.read("Appointment", appointmentId)).getStatus();
            }

            @Override
            public int appointmentsOnSlot(String slotId, String status) {
                return store.search("Appointment", Map.of("slot", List.of("Slot/" + slotId), "status", List.of(status)))
                        .size();
            }
        };
    }

    /** Through FHIR, as front-desk staff, from whatever EHR the gateway talks to. */
    static EhrState of(EhrGateway gateway) {
        EhrCallContext staff = new EhrCallContext(Purpose.FRONT_DESK_SCHEDULING, "test-auditor", null, null, null);
        return new EhrState() {
            @Override
            public Slot.SlotStatus slot(String slotId) {
                return gateway.read(staff, Slot.class, slotId).getStatus();
            }

            @Override
            public Appointment.AppointmentStatus appointment(String appointmentId) {
                return gateway.read(staff, Appointment.class, appointmentId).getStatus();
            }

            @Override
            public int appointmentsOnSlot(String slotId, String status) {
                Bundle found = gateway.search(staff, "Appointment", Map.of("slot", List.of("Slot/" + slotId),
                        "status", List.of(status), "_count", List.of("50")));
                return found.getEntry().size();
            }
        };
    }
}
