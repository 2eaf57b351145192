package org.visitwise.support;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;

/** The plain-REST booking transaction the tests send: create the Appointment, mark the Slot busy. */
public final class Bookings {

    private Bookings() {
    }

    /** Books {@code slot} (as read, with its version) for {@code patientId}, guarded by {@code If-Match}. */
    public static Bundle transaction(Slot slot, String patientId) {
        return transaction(slot, patientId, "W/\"" + slot.getMeta().getVersionId() + "\"");
    }

    public static Bundle transaction(Slot slot, String patientId, String ifMatch) {
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setStart(slot.getStart()).setEnd(slot.getEnd());
        appointment.addSlot(new Reference("Slot/" + slot.getIdElement().getIdPart()));
        appointment.addParticipant().setActor(new Reference("Patient/" + patientId));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:0c3c8f3e-1d7c-4a4b-9d0a-2f1f8a1f0001").setResource(appointment)
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Appointment");
        bundle.addEntry().setResource(slot.copy().setStatus(Slot.SlotStatus.BUSY)).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl("Slot/" + slot.getIdElement().getIdPart()).setIfMatch(ifMatch);
        return bundle;
    }
}
