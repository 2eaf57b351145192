package org.visitwise.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;
import org.visitwise.ehr.EhrCallContext;
import org.visitwise.scheduling.PracticeDirectory.ScheduleInfo;

/**
 * The EHR side of scheduling. One implementation today, plain FHIR R4 REST
 * ({@link FhirRestSchedulingPort}); an IHE ITI Scheduling one ({@code $find}/{@code $hold}/{@code $book})
 * can be chosen later from the EHR's CapabilityStatement. Every method runs under the caller's
 * {@link EhrCallContext}, so the scope gateway judges each request.
 */
public interface SchedulingPort {

    /** Free slots of the given schedules starting in [from, to), earliest first, at most {@code count}. */
    List<Slot> freeSlots(EhrCallContext ctx, Collection<String> scheduleIds, Instant from, Instant to,
            Optional<String> visitType, int count);

    Slot slot(EhrCallContext ctx, String slotId);

    /** Holds a free slot: a pending Appointment and the Slot busy-tentative, atomically. */
    HeldSlot hold(EhrCallContext ctx, Slot slot, ScheduleInfo schedule, String visitType);

    /** Turns a hold into a booking: Appointment booked and Slot busy, atomically. */
    Appointment bookHeld(EhrCallContext ctx, HeldSlot held, String idempotencyKey);

    /** Releases a hold: Appointment cancelled and Slot free again, atomically. */
    void release(EhrCallContext ctx, HeldSlot held);

    /** Books a free slot in one step: Appointment booked and Slot busy, atomically. */
    Appointment book(EhrCallContext ctx, Slot slot, ScheduleInfo schedule, String visitType, String idempotencyKey);

    /** The caller's appointment created with this idempotency key, if any. */
    Optional<Appointment> byIdempotencyKey(EhrCallContext ctx, String idempotencyKey);

    /** The appointment, if it is the context patient's. */
    Optional<Appointment> appointment(EhrCallContext ctx, String appointmentId);

    /** Cancels a booked appointment and frees its slot, atomically. */
    Appointment cancel(EhrCallContext ctx, Appointment appointment);

    /**
     * Books the new slot and cancels the old appointment (freeing its slot) in one transaction: the
     * patient never ends with none or two.
     */
    Appointment reschedule(EhrCallContext ctx, Appointment old, Slot newSlot, ScheduleInfo schedule, String visitType);

    /**
     * The patient's general practitioner (Patient.generalPractitioner), read with one minimal request
     * that asks for that element only.
     */
    Optional<String> generalPractitioner(EhrCallContext ctx, String patientId);

    /** The booked appointments of {@code participant} ({@code Patient/..} or {@code Practitioner/..}) from {@code from}, earliest first. */
    List<Appointment> upcoming(EhrCallContext ctx, String participant, Instant from, int count);
}
