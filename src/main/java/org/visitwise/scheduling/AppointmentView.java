package org.visitwise.scheduling;

/**
 * An appointment as shown to the patient it belongs to (or to staff acting for them).
 *
 * @param id           FHIR Appointment id
 * @param status       booked, cancelled, pending, ...
 * @param time         when, in the practice's time zone
 * @param practitioner who
 * @param location     where
 * @param visitType    visit type code
 */
public record AppointmentView(String id, String status, LocalTimes time, Party practitioner, Party location,
        String visitType) {
}
