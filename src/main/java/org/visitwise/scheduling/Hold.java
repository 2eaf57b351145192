package org.visitwise.scheduling;

import java.time.Instant;

import org.visitwise.ehr.Purpose;

/**
 * A hold kept in memory only, bound to the patient it was made for.
 *
 * @param id          random, unguessable hold id
 * @param patientId   the patient it is for
 * @param purpose     the purpose it was made under (patient or front desk)
 * @param actor       who made it
 * @param visitType   the visit type chosen
 * @param held        what the EHR holds
 * @param expiresAt   when it is released unless booked
 * @param booked      the Appointment id once booked, else null
 */
record Hold(String id, String patientId, Purpose purpose, String actor, String visitType, HeldSlot held,
        Instant expiresAt, String booked) {

    Hold withBooked(String appointmentId) {
        return new Hold(id, patientId, purpose, actor, visitType, held, expiresAt, appointmentId);
    }
}
