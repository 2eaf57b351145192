package org.visitwise.scheduling;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;

/**
 * What the EHR holds for a patient: the pending Appointment and the busy-tentative Slot, each as
 * written and with its current version, so that booking or releasing needs no re-read.
 */
public record HeldSlot(Appointment appointment, Slot slot) {

    public String appointmentId() {
        return appointment.getIdElement().getIdPart();
    }

    public String slotId() {
        return slot.getIdElement().getIdPart();
    }
}
