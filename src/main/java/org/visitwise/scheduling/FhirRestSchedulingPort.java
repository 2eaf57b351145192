package org.visitwise.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Slot;
import org.visitwise.ehr.EhrCallContext;
import org.visitwise.ehr.EhrGateway;
import org.visitwise.scheduling.PracticeDirectory.ScheduleInfo;

/**
 * Scheduling on a plain FHIR R4 REST EHR: Slot searches, and transaction Bundles whose Slot updates
 * carry {@code If-Match}, so that of two bookings of one slot exactly one wins (the other gets
 * 409/412, a version conflict).
 */
@ApplicationScoped
public class FhirRestSchedulingPort implements SchedulingPort {

    /** System of the idempotency identifiers this agent puts on the Appointments it creates. */
    public static final String IDEMPOTENCY_SYSTEM = "urn:visitwise:idempotency-key";

    private static final DateTimeFormatter FHIR_INSTANT = DateTimeFormatter.ISO_INSTANT;

    private final EhrGateway gateway;
    private final SchedulingConfig config;
    private final Clock clock;

    FhirRestSchedulingPort(EhrGateway gateway, SchedulingConfig config, Clock clock) {
        this.gateway = gateway;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<Slot> freeSlots(EhrCallContext ctx, Collection<String> scheduleIds, Instant from, Instant to,
            Optional<String> visitType, int count) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("schedule", List.of(scheduleIds.stream().map(id -> "Schedule/" + id).collect(Collectors.joining(","))));
        params.put("status", List.of("free"));
        params.put("start", List.of("ge" + FHIR_INSTANT.format(from), "lt" + FHIR_INSTANT.format(to)));
        visitType.ifPresent(v -> params.put("service-type", List.of(config.visitTypeSystem() + "|" + v)));
        params.put("_count", List.of(String.valueOf(count)));
        return gateway.search(ctx, "Slot", params).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Slot.class::isInstance).map(Slot.class::cast)
                .sorted((a, b) -> a.getStart().compareTo(b.getStart()))
                .toList();
    }

    @Override
    public Slot slot(EhrCallContext ctx, String slotId) {
        return gateway.read(ctx, Slot.class, slotId);
    }

    @Override
    public HeldSlot hold(EhrCallContext ctx, Slot slot, ScheduleInfo schedule, String visitType) {
        Appointment pending = appointment(ctx, slot, schedule, visitType, Appointment.AppointmentStatus.PENDING);
        Slot tentative = slot.copy().setStatus(Slot.SlotStatus.BUSYTENTATIVE);
        FhirTransaction tx = new FhirTransaction();
        tx.create(pending);
        tx.update(tentative, slot.getMeta().getVersionId());
        Bundle response = gateway.transaction(ctx, tx.bundle());
        pending.setId(FhirTransaction.id(response, 0));
        pending.getMeta().setVersionId(FhirTransaction.version(response, 0));
        tentative.getMeta().setVersionId(FhirTransaction.version(response, 1));
        return new HeldSlot(pending, tentative);
    }

    @Override
    public Appointment bookHeld(EhrCallContext ctx, HeldSlot held, String idempotencyKey) {
        Appointment booked = held.appointment().copy().setStatus(Appointment.AppointmentStatus.BOOKED);
        if (idempotencyKey != null) {
            booked.addIdentifier().setSystem(IDEMPOTENCY_SYSTEM).setValue(idempotencyKey);
        }
        FhirTransaction tx = new FhirTransaction();
        tx.update(booked, held.appointment().getMeta().getVersionId());
        tx.update(held.slot().copy().setStatus(Slot.SlotStatus.BUSY), held.slot().getMeta().getVersionId());
        Bundle response = gateway.transaction(ctx, tx.bundle());
        booked.getMeta().setVersionId(FhirTransaction.version(response, 0));
        return booked;
    }

    @Override
    public void release(EhrCallContext ctx, HeldSlot held) {
        FhirTransaction tx = new FhirTransaction();
        tx.update(held.appointment().copy().setStatus(Appointment.AppointmentStatus.CANCELLED),
                held.appointment().getMeta().getVersionId());
        tx.update(held.slot().copy().setStatus(Slot.SlotStatus.FREE), held.slot().getMeta().getVersionId());
        gateway.transaction(ctx, tx.bundle());
    }

    @Override
    public Appointment book(EhrCallContext ctx, Slot slot, ScheduleInfo schedule, String visitType,
            String idempotencyKey) {
        Appointment booked = appointment(ctx, slot, schedule, visitType, Appointment.AppointmentStatus.BOOKED);
        if (idempotencyKey != null) {
            booked.addIdentifier().setSystem(IDEMPOTENCY_SYSTEM).setValue(idempotencyKey);
        }
        FhirTransaction tx = new FhirTransaction();
        tx.create(booked);
        tx.update(slot.copy().setStatus(Slot.SlotStatus.BUSY), slot.getMeta().getVersionId());
        Bundle response = gateway.transaction(ctx, tx.bundle());
        booked.setId(FhirTransaction.id(response, 0));
        booked.getMeta().setVersionId(FhirTransaction.version(response, 0));
        return booked;
    }

    @Override
    public Optional<Appointment> byIdempotencyKey(EhrCallContext ctx, String idempotencyKey) {
        Bundle found = gateway.search(ctx, "Appointment", Map.of(
                "patient", List.of(ctx.patientReference()),
                "identifier", List.of(IDEMPOTENCY_SYSTEM + "|" + idempotencyKey),
                "_count", List.of("1")));
        return found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Appointment.class::isInstance).map(Appointment.class::cast).findFirst();
    }

    /**
     * Reads the appointment through the patient's compartment ({@code patient=<own>&_id=<id>}), so
     * that asking for someone else's appointment id sends nothing about that other patient to the EHR.
     */
    @Override
    public Optional<Appointment> appointment(EhrCallContext ctx, String appointmentId) {
        Bundle found = gateway.search(ctx, "Appointment", Map.of(
                "patient", List.of(ctx.patientReference()),
                "_id", List.of(appointmentId),
                "_count", List.of("1")));
        return found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Appointment.class::isInstance).map(Appointment.class::cast).findFirst();
    }

    @Override
    public Appointment cancel(EhrCallContext ctx, Appointment appointment) {
        Appointment cancelled = appointment.copy().setStatus(Appointment.AppointmentStatus.CANCELLED);
        cancelled.setCancelationReason(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason", "pat", "Patient")));
        FhirTransaction tx = new FhirTransaction();
        tx.update(cancelled, appointment.getMeta().getVersionId());
        freeSlotOf(ctx, appointment, tx);
        Bundle response = gateway.transaction(ctx, tx.bundle());
        cancelled.getMeta().setVersionId(FhirTransaction.version(response, 0));
        return cancelled;
    }

    @Override
    public Appointment reschedule(EhrCallContext ctx, Appointment old, Slot newSlot, ScheduleInfo schedule,
            String visitType) {
        Appointment booked = appointment(ctx, newSlot, schedule, visitType, Appointment.AppointmentStatus.BOOKED);
        FhirTransaction tx = new FhirTransaction();
        tx.create(booked);
        tx.update(newSlot.copy().setStatus(Slot.SlotStatus.BUSY), newSlot.getMeta().getVersionId());
        tx.update(old.copy().setStatus(Appointment.AppointmentStatus.CANCELLED), old.getMeta().getVersionId());
        freeSlotOf(ctx, old, tx);
        Bundle response = gateway.transaction(ctx, tx.bundle());
        booked.setId(FhirTransaction.id(response, 0));
        booked.getMeta().setVersionId(FhirTransaction.version(response, 0));
        return booked;
    }

    @Override
    public Optional<String> generalPractitioner(EhrCallContext ctx, String patientId) {
        Bundle found = gateway.search(ctx, "Patient", Map.of("_id", List.of(patientId),
                "_elements", List.of("generalPractitioner")));
        return found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Patient).map(r -> (Patient) r)
                .flatMap(p -> p.getGeneralPractitioner().stream()).map(Reference::getReference)
                .filter(ref -> ref != null && ref.startsWith("Practitioner/"))
                .map(ref -> ref.substring("Practitioner/".length())).findFirst();
    }

    @Override
    public List<Appointment> upcoming(EhrCallContext ctx, String participant, Instant from, int count) {
        Bundle found = gateway.search(ctx, "Appointment", Map.of(
                participant.startsWith("Patient/") ? "patient" : "actor", List.of(participant),
                "date", List.of("ge" + FHIR_INSTANT.format(from)),
                "status", List.of("booked"),
                "_count", List.of(String.valueOf(count))));
        return found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Appointment.class::isInstance).map(Appointment.class::cast)
                .sorted((a, b) -> a.getStart().compareTo(b.getStart()))
                .toList();
    }

    private void freeSlotOf(EhrCallContext ctx, Appointment appointment, FhirTransaction tx) {
        for (Reference ref : appointment.getSlot()) {
            String slotRef = ref.getReference();
            if (slotRef != null && slotRef.startsWith("Slot/")) {
                Slot slot = gateway.read(ctx, Slot.class, slotRef.substring("Slot/".length()));
                tx.update(slot.copy().setStatus(Slot.SlotStatus.FREE), slot.getMeta().getVersionId());
            }
        }
    }

    private Appointment appointment(EhrCallContext ctx, Slot slot, ScheduleInfo schedule, String visitType,
            Appointment.AppointmentStatus status) {
        Appointment a = new Appointment().setStatus(status);
        a.addServiceType(new CodeableConcept(new Coding(config.visitTypeSystem(), visitType, null)));
        a.setStartElement(slot.getStartElement().copy());
        a.setEndElement(slot.getEndElement().copy());
        a.setCreated(Date.from(clock.instant()));
        a.addSlot(new Reference("Slot/" + slot.getIdElement().getIdPart()));
        a.addParticipant().setActor(new Reference(ctx.patientReference()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        if (schedule.practitioner() != null) {
            a.addParticipant().setActor(new Reference("Practitioner/" + schedule.practitioner().id()))
                    .setRequired(Appointment.ParticipantRequired.REQUIRED)
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        if (schedule.location() != null) {
            a.addParticipant().setActor(new Reference("Location/" + schedule.location().id()))
                    .setRequired(Appointment.ParticipantRequired.REQUIRED)
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        return a;
    }
}
