package org.visitwise.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;
import org.visitwise.audit.AuditLog;
import org.visitwise.audit.AuditOutcome;
import org.visitwise.ehr.EhrCallContext;
import org.visitwise.ehr.EhrUnavailableException;
import org.visitwise.ehr.EhrVersionConflictException;
import org.visitwise.ehr.ScopeDeniedException;
import org.visitwise.limits.Limit;
import org.visitwise.limits.RateLimits;
import org.visitwise.scheduling.PracticeDirectory.ScheduleInfo;
import org.visitwise.scheduling.PracticeDirectory.Snapshot;
import org.visitwise.security.Caller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Find, hold, book, cancel, reschedule and list appointments for one patient at a time. The EHR is
 * the only source of truth: every decision is taken on what it answers, and every change is one
 * atomic transaction there.
 */
@ApplicationScoped
public class SchedulingService {

    private final RateLimits limits;
    private final SchedulingPort ehr;
    private final PracticeDirectory directory;
    private final HoldRegistry holds;
    private final SchedulingConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final ViewMapper views;
    private final Counter conflicts;

    SchedulingService(SchedulingPort ehr, PracticeDirectory directory, HoldRegistry holds, SchedulingConfig config,
            AuditLog audit, Clock clock, MeterRegistry metrics, RateLimits limits) {
        this.ehr = ehr;
        this.limits = limits;
        this.directory = directory;
        this.holds = holds;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.views = new ViewMapper(config.visitTypeSystem(), config.timeZone());
        this.conflicts = Counter.builder("visitwise.scheduling.conflicts")
                .description("Slots taken by someone else between offer and booking").register(metrics);
    }

    /** Open slots matching the query, earliest first, at most a page. */
    public List<SlotView> find(Caller caller, SlotQuery query) {
        query.visitType().ifPresent(this::requireVisitType);
        LocalDate today = LocalDate.now(clock.withZone(config.timeZone()));
        for (Optional<LocalDate> day : List.of(query.from(), query.to())) {
            if (day.isPresent() && Math.abs(ChronoUnit.DAYS.between(today, day.get())) > config.horizonDays()) {
                throw new InvalidSchedulingRequestException(400,
                        "Dates must be within " + config.horizonDays() + " days of today.");
            }
        }
        Snapshot dir = directory.current();
        Set<String> schedules = dir.schedules().values().stream()
                .filter(s -> query.practitionerId().map(p -> s.practitioner() != null && s.practitioner().id().equals(p)).orElse(true))
                .filter(s -> query.locationId().map(l -> s.location() != null && s.location().id().equals(l)).orElse(true))
                .map(ScheduleInfo::scheduleId).collect(Collectors.toSet());
        if (schedules.isEmpty()) {
            return List.of();
        }
        LocalDate from = query.from().orElse(today);
        LocalDate to = query.to().orElse(from.plusDays(config.searchDays()));
        if (to.isBefore(from)) {
            throw new InvalidSchedulingRequestException(400, "'to' is before 'from'.");
        }
        Instant start = later(from.atStartOfDay(config.timeZone()).toInstant(), clock.instant());
        Instant end = to.plusDays(1).atStartOfDay(config.timeZone()).toInstant();
        return freeSlots(caller.ehr(null), dir, schedules, start, end, query.visitType(), query.time(), null);
    }

    /**
     * Holds a free slot for the caller's patient; a patient holds at most one slot at a time: a new
     * hold supersedes the previous one, and concurrent holds of one patient are made one after the other.
     */
    public HoldView hold(Caller caller, String slotId, String visitType) {
        requireVisitType(visitType);
        limits.consume(Limit.HOLDS_PER_PATIENT, caller.patientId(), caller.subject());
        synchronized (holds.lockFor(caller.patientId())) {
            return holdAlone(caller, slotId, visitType);
        }
    }

    private HoldView holdAlone(Caller caller, String slotId, String visitType) {
        EhrCallContext ctx = caller.ehr(null);
        holds.activeOf(caller.patientId()).ifPresent(previous -> release(previous, "superseded"));
        Snapshot dir = directory.current();
        Slot slot = ehr.slot(ctx, slotId);
        ScheduleInfo schedule = bookable(slot, visitType, dir, ctx);
        HeldSlot held;
        try {
            held = ehr.hold(ctx, slot, schedule, visitType);
        } catch (EhrVersionConflictException e) {
            throw taken(ctx, dir, slot);
        }
        Instant expiresAt = clock.instant().plus(config.holdMaxAge());
        Hold hold = new Hold(HoldRegistry.newId(), caller.patientId(), caller.purpose(), caller.subject(), visitType,
                held, expiresAt, null);
        holds.put(hold);
        record(ctx, "hold", 'C', held.appointmentId());
        return new HoldView(hold.id(), expiresAt, views.slot(held.slot(), dir));
    }

    /** Releases the caller's hold; the slot is free again. */
    public void releaseHold(Caller caller, String holdId) {
        Hold hold = holds.get(holdId, caller.patientId()).filter(h -> h.booked() == null)
                .orElseThrow(() -> new AppointmentNotFoundException("hold"));
        release(hold, "released");
    }

    /** Books the caller's hold. Repeating the call returns the same appointment. */
    public Booking bookHold(Caller caller, String holdId, String idempotencyKey) {
        EhrCallContext ctx = caller.ehr(null);
        Hold hold = holds.get(holdId, caller.patientId()).orElseThrow(() -> new AppointmentNotFoundException("hold"));
        Snapshot dir = directory.current();
        if (hold.booked() != null) {
            return new Booking(views.appointment(ehr.appointment(ctx, hold.booked())
                    .orElseThrow(() -> new AppointmentNotFoundException("appointment")), dir), true);
        }
        limits.consume(Limit.BOOKINGS_PER_PATIENT, caller.patientId(), caller.subject());
        Appointment booked;
        try {
            booked = ehr.bookHeld(ctx, hold.held(), idempotencyKey);
        } catch (EhrVersionConflictException e) {
            holds.remove(hold.id());
            throw taken(ctx, dir, hold.held().slot());
        } catch (EhrUnavailableException e) {
            // the outcome is unknown: the EHR decides, and a retry of this call will find out
            booked = ehr.appointment(ctx, hold.held().appointmentId())
                    .filter(a -> a.getStatus() == Appointment.AppointmentStatus.BOOKED)
                    .orElseThrow(() -> e);
        }
        holds.markBooked(hold.id(), booked.getIdElement().getIdPart());
        record(ctx, "book", 'U', booked.getIdElement().getIdPart());
        return new Booking(views.appointment(booked, dir), false);
    }

    /**
     * Books a free slot in one step. The same idempotency key never books twice: requests with one key
     * are answered one after the other (in this instance), each asking the EHR afresh whether the key
     * already booked.
     */
    public Booking book(Caller caller, String slotId, String visitType, String idempotencyKey) {
        requireVisitType(visitType);
        synchronized (holds.lockFor(caller.patientId() + "|" + idempotencyKey)) {
            return bookOnce(caller, slotId, visitType, idempotencyKey);
        }
    }

    private Booking bookOnce(Caller caller, String slotId, String visitType, String idempotencyKey) {
        EhrCallContext ctx = caller.ehr(null);
        Snapshot dir = directory.current();
        Optional<Appointment> earlier = ehr.byIdempotencyKey(ctx, idempotencyKey);
        if (earlier.isPresent()) {
            return new Booking(views.appointment(earlier.get(), dir), true);
        }
        limits.consume(Limit.BOOKINGS_PER_PATIENT, caller.patientId(), caller.subject());
        Slot slot = ehr.slot(ctx, slotId);
        ScheduleInfo schedule = bookable(slot, visitType, dir, ctx);
        Appointment booked;
        try {
            booked = ehr.book(ctx, slot, schedule, visitType, idempotencyKey);
        } catch (EhrVersionConflictException e) {
            // a concurrent retry with the same key may have won the race for this patient
            Optional<Appointment> mine = ehr.byIdempotencyKey(ctx, idempotencyKey);
            if (mine.isPresent()) {
                return new Booking(views.appointment(mine.get(), dir), true);
            }
            throw taken(ctx, dir, slot);
        } catch (EhrUnavailableException e) {
            // the outcome is unknown: the EHR decides, by the booking's idempotency identifier (asked
            // afresh); if it holds none, nothing was booked and the patient is told so (503, retry safe)
            booked = ehr.byIdempotencyKey(ctx, idempotencyKey).orElseThrow(() -> e);
        }
        record(ctx, "book", 'C', booked.getIdElement().getIdPart());
        return new Booking(views.appointment(booked, dir), false);
    }

    /** Cancels one of the caller's booked appointments, outside the cancellation window. */
    public AppointmentView cancel(Caller caller, String appointmentId) {
        EhrCallContext ctx = caller.ehr(null);
        Snapshot dir = directory.current();
        Appointment appointment = own(ctx, appointmentId);
        if (appointment.getStatus() == Appointment.AppointmentStatus.CANCELLED) {
            return views.appointment(appointment, dir);
        }
        requireChangeable(appointment, dir);
        Appointment cancelled;
        try {
            cancelled = ehr.cancel(ctx, appointment);
        } catch (EhrUnavailableException e) {
            // the outcome is unknown: the EHR decides whether the appointment is cancelled
            cancelled = ehr.appointment(ctx, appointmentId)
                    .filter(a -> a.getStatus() == Appointment.AppointmentStatus.CANCELLED).orElseThrow(() -> e);
        }
        record(ctx, "cancel", 'U', appointmentId);
        return views.appointment(cancelled, dir);
    }

    /** Moves one of the caller's appointments to another free slot; if that fails, the old one stands. */
    public AppointmentView reschedule(Caller caller, String appointmentId, String newSlotId) {
        EhrCallContext ctx = caller.ehr(null);
        Snapshot dir = directory.current();
        Appointment old = own(ctx, appointmentId);
        if (old.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            throw new InvalidSchedulingRequestException(409, "Only a booked appointment can be rescheduled.");
        }
        requireChangeable(old, dir);
        limits.consume(Limit.BOOKINGS_PER_PATIENT, caller.patientId(), caller.subject());
        List<String> types = views.codes(old.getServiceType());
        String visitType = types.isEmpty() ? config.visitTypes().get(0) : types.get(0);
        Slot slot = ehr.slot(ctx, newSlotId);
        ScheduleInfo schedule = bookable(slot, visitType, dir, ctx);
        Appointment booked;
        try {
            booked = ehr.reschedule(ctx, old, slot, schedule, visitType);
        } catch (EhrVersionConflictException e) {
            throw taken(ctx, dir, slot);
        }
        record(ctx, "reschedule", 'U', appointmentId);
        return views.appointment(booked, dir);
    }

    /** The patient's upcoming booked appointments (or a provider's own). */
    public List<AppointmentView> upcoming(Caller caller) {
        Snapshot dir = directory.current();
        return ehr.upcoming(caller.ehr(null), caller.participantReference(), clock.instant(), 50).stream().map(a -> views.appointment(a, dir)).toList();
    }

    /**
     * The id of the patient's general practitioner ("my regular doctor"), if the EHR names one and the
     * caller's purpose may ask; empty for a caller with no patient.
     */
    public Optional<String> generalPractitioner(Caller caller) {
        if (caller.patientId() == null) {
            return Optional.empty();
        }
        try {
            return ehr.generalPractitioner(caller.ehr(null), caller.patientId());
        } catch (ScopeDeniedException e) {
            return Optional.empty();
        }
    }

    /** Releases every unbooked hold whose time is up (called by the sweeper); returns how many. */
    public int releaseExpiredHolds() {
        int released = 0;
        for (Hold hold : holds.expired(clock.instant())) {
            if (hold.booked() != null) {
                holds.remove(hold.id());
            } else {
                release(hold, "expired");
                released++;
            }
        }
        return released;
    }

    /** Result of a booking call; {@code replay} when an earlier identical call had already booked it. */
    public record Booking(AppointmentView appointment, boolean replay) {
    }

    private void release(Hold hold, String why) {
        EhrCallContext ctx = new EhrCallContext(hold.purpose(), hold.actor(), hold.patientId(), null, null);
        try {
            ehr.release(ctx, hold.held());
            record(ctx, "release-" + why, 'U', hold.held().appointmentId());
        } catch (EhrVersionConflictException e) {
            Log.infof("Hold %s changed in the EHR before release; left to the EHR", hold.id());
        } finally {
            holds.remove(hold.id());
        }
    }

    private Appointment own(EhrCallContext ctx, String appointmentId) {
        return ehr.appointment(ctx, appointmentId).orElseThrow(() -> new AppointmentNotFoundException("appointment"));
    }

    private void requireChangeable(Appointment appointment, Snapshot dir) {
        Duration window = config.cancellationWindow();
        if (appointment.getStart().toInstant().isBefore(clock.instant().plus(window))) {
            throw new CancellationWindowException(window.toHours(), dir.practicePhone());
        }
    }

    private ScheduleInfo bookable(Slot slot, String visitType, Snapshot dir, EhrCallContext ctx) {
        ScheduleInfo schedule = dir.schedule(ViewMapper.idOf(slot.getSchedule(), "Schedule/"))
                .orElseThrow(() -> new AppointmentNotFoundException("slot"));
        List<String> types = views.codes(slot.getServiceType());
        if (!types.isEmpty() && !types.contains(visitType)) {
            throw new InvalidSchedulingRequestException(400, "This slot is not offered for that visit type.");
        }
        if (slot.getStatus() != Slot.SlotStatus.FREE || !slot.getStart().toInstant().isAfter(clock.instant())) {
            throw taken(ctx, dir, slot);
        }
        return schedule;
    }

    private SlotUnavailableException taken(EhrCallContext ctx, Snapshot dir, Slot slot) {
        conflicts.increment();
        String scheduleId = ViewMapper.idOf(slot.getSchedule(), "Schedule/");
        List<SlotView> alternatives = scheduleId == null ? List.of()
                : freeSlots(ctx, dir, Set.of(scheduleId), later(slot.getStart().toInstant(), clock.instant()),
                        slot.getStart().toInstant().plus(Duration.ofDays(config.searchDays())), Optional.empty(),
                        Optional.empty(), slot.getIdElement().getIdPart());
        return new SlotUnavailableException(alternatives);
    }

    private List<SlotView> freeSlots(EhrCallContext ctx, Snapshot dir, Collection<String> schedules, Instant start,
            Instant end, Optional<String> visitType, Optional<TimeWindow> time, String excludedSlotId) {
        int page = config.pageSize();
        int fetch = time.isPresent() ? Math.max(page * 10, 50) : page + 1;
        return ehr.freeSlots(ctx, schedules, start, end, visitType, fetch).stream()
                .filter(s -> !s.getIdElement().getIdPart().equals(excludedSlotId))
                .filter(s -> time.map(w -> w.contains(localTime(s))).orElse(true))
                .limit(page)
                .map(s -> views.slot(s, dir))
                .toList();
    }

    private LocalTime localTime(Slot slot) {
        return slot.getStart().toInstant().atZone(config.timeZone()).toLocalTime();
    }

    private void requireVisitType(String visitType) {
        if (visitType == null || !config.visitTypes().contains(visitType)) {
            throw new InvalidSchedulingRequestException(400, "Unknown visit type; choose one of " + config.visitTypes() + ".");
        }
    }

    private void record(EhrCallContext ctx, String action, char code, String appointmentId) {
        audit.event("scheduling", action).action(code).actor(ctx.actor(), ctx.purpose().code())
                .session(ctx.sessionId(), ctx.correlationId())
                .entity("Appointment", "Appointment/" + appointmentId)
                .patient(ctx.patientReference())
                .outcome(AuditOutcome.SUCCESS)
                .record();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
