package org.visitwise.scheduling;

import java.time.ZoneId;
import java.util.List;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.visitwise.scheduling.PracticeDirectory.Snapshot;

/** FHIR Slot and Appointment to the views patients see, with names from the directory. */
final class ViewMapper {

    private final String visitTypeSystem;
    private final ZoneId zone;

    ViewMapper(String visitTypeSystem, ZoneId zone) {
        this.visitTypeSystem = visitTypeSystem;
        this.zone = zone;
    }

    SlotView slot(Slot slot, Snapshot directory) {
        String scheduleId = idOf(slot.getSchedule(), "Schedule/");
        var schedule = directory.schedule(scheduleId).orElse(null);
        return new SlotView(slot.getIdElement().getIdPart(),
                Views.localTimes(slot.getStart().toInstant(), slot.getEnd() == null ? null : slot.getEnd().toInstant(), zone),
                schedule == null ? null : schedule.practitioner(), schedule == null ? null : schedule.location(),
                codes(slot.getServiceType()));
    }

    AppointmentView appointment(Appointment a, Snapshot directory) {
        Party practitioner = null;
        Party location = null;
        for (Appointment.AppointmentParticipantComponent p : a.getParticipant()) {
            String ref = p.getActor().getReference();
            if (ref != null && ref.startsWith("Practitioner/")) {
                practitioner = directory.practitioner(ref.substring("Practitioner/".length()));
            } else if (ref != null && ref.startsWith("Location/")) {
                location = directory.location(ref.substring("Location/".length()));
            }
        }
        List<String> types = codes(a.getServiceType());
        return new AppointmentView(a.getIdElement().getIdPart(), a.getStatus() == null ? null : a.getStatus().toCode(),
                Views.localTimes(a.getStart().toInstant(), a.getEnd() == null ? null : a.getEnd().toInstant(), zone),
                practitioner, location, types.isEmpty() ? null : types.get(0));
    }

    List<String> codes(List<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream())
                .filter(c -> visitTypeSystem.equals(c.getSystem())).map(Coding::getCode).distinct().toList();
    }

    static String idOf(Reference reference, String prefix) {
        String ref = reference == null ? null : reference.getReference();
        return ref != null && ref.startsWith(prefix) ? ref.substring(prefix.length()) : null;
    }
}
