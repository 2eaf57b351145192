package org.visitwise.agent.tools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.visitwise.agent.understanding.TimeOfDay;
import org.visitwise.agent.understanding.Understander;
import org.visitwise.agent.understanding.Understood;
import org.visitwise.agent.wording.Wording;
import org.visitwise.api.ProblemException;
import org.visitwise.scheduling.AppointmentView;
import org.visitwise.scheduling.HoldView;
import org.visitwise.scheduling.PracticeDirectory;
import org.visitwise.scheduling.SchedulingConfig;
import org.visitwise.scheduling.SchedulingService;
import org.visitwise.scheduling.SlotQuery;
import org.visitwise.scheduling.SlotView;
import org.visitwise.security.Caller;

/**
 * The scheduling tools every conversation front end uses — the structured dialogue, the LLM engine,
 * and any later client of the same operations: find open times, hold one, book it, list, cancel and
 * move appointments, release a hold. All act as the conversation's caller (never a patient the text
 * or a model names), point at slots and appointments only by the handles this conversation was shown,
 * and label them in the conversation's language.
 */
@ApplicationScoped
public class ConversationTools {

    /**
     * A time or an appointment on offer: its handle, its label, when it starts (ISO, with the
     * practice's offset) and with whom (directory id).
     */
    public record Offer(String handle, String label, String start, String practitionerId) {
    }

    /** What to look for; every part may be absent. */
    public record Criteria(String practitionerId, String locationId, String visitType, LocalDate from, LocalDate to,
            TimeOfDay time) {

        public static Criteria none() {
            return new Criteria(null, null, null, null, null, null);
        }

        public static Criteria of(Understood u) {
            return new Criteria(u.practitionerId(), u.locationId(), u.visitType(), u.from(), u.to(), u.time());
        }

        public Criteria withFrom(LocalDate day) {
            return new Criteria(practitionerId, locationId, visitType, day, to != null && to.isBefore(day) ? null : to, time);
        }

        /** Criteria without time of day and days: what to offer when nothing matches all of them. */
        public Criteria widened() {
            return new Criteria(practitionerId, locationId, visitType, null, null, null);
        }
    }

    private final SchedulingService scheduling;
    private final PracticeDirectory directory;
    private final SchedulingConfig config;
    private final Understander understander;
    private final Wording wording;

    ConversationTools(SchedulingService scheduling, PracticeDirectory directory, SchedulingConfig config,
            Understander understander, Wording wording) {
        this.scheduling = scheduling;
        this.directory = directory;
        this.config = config;
        this.understander = understander;
        this.wording = wording;
    }

    /** The next open times matching {@code criteria}, as S1, S2…; earlier S handles are forgotten. */
    public List<Offer> findTimes(Caller caller, ToolState state, Criteria c, String language) {
        SlotQuery query = new SlotQuery(Optional.ofNullable(c.practitionerId()), Optional.ofNullable(c.locationId()),
                Optional.ofNullable(c.visitType()), Optional.ofNullable(c.from()), Optional.ofNullable(c.to()),
                Optional.ofNullable(c.time()).map(TimeOfDay::window));
        return offerSlots(state, scheduling.find(caller, query), language);
    }

    /** Offers these open times (the alternatives to a time just taken, for one) as S1, S2…. */
    public List<Offer> offerSlots(ToolState state, List<SlotView> slots, String language) {
        if (!slots.isEmpty()) {
            state.lastOfferedDay = LocalDate.parse(slots.get(slots.size() - 1).time().localDate());
        }
        return handles("S", slots, state.slots, SlotView::id, s -> new Offer(null, wording.slot(s, language), s.time().start(),
                s.practitioner() == null ? null : s.practitioner().id()));
    }

    /** Holds the open time behind {@code handle} while the patient decides (a previous hold is released). */
    public HoldView hold(Caller caller, ToolState state, String handle, String visitType) {
        String slotId = resolve(state.slots, handle);
        releaseHold(caller, state);
        HoldView hold = scheduling.hold(caller, slotId, visitType == null || visitType.isBlank() ? defaultVisitType() : visitType);
        state.holdId = hold.holdId();
        return hold;
    }

    /** Books the held time: the patient confirmed. Repeating it books nothing twice. */
    public AppointmentView bookHeld(Caller caller, ToolState state) {
        if (state.holdId == null) {
            throw new IllegalStateException("nothing is held");
        }
        AppointmentView booked = scheduling.bookHold(caller, state.holdId, "conversation-" + state.holdId).appointment();
        state.holdId = null;
        state.changed = booked;
        return booked;
    }

    /** The caller's upcoming appointments, as A1, A2…. */
    public List<Offer> appointments(Caller caller, ToolState state, String language) {
        return handles("A", upcoming(caller), state.appointments, AppointmentView::id, a -> new Offer(null,
                wording.appointment(a, language), a.time().start(), a.practitioner() == null ? null : a.practitioner().id()));
    }

    /** The upcoming appointment behind {@code handle}. */
    public AppointmentView appointment(Caller caller, ToolState state, String handle) {
        String id = resolve(state.appointments, handle);
        return upcoming(caller).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownHandleException(state.appointments.keySet()));
    }

    public AppointmentView cancel(Caller caller, ToolState state, String handle) {
        AppointmentView cancelled = scheduling.cancel(caller, resolve(state.appointments, handle));
        state.changed = cancelled;
        return cancelled;
    }

    public AppointmentView reschedule(Caller caller, ToolState state, String appointmentHandle, String slotHandle) {
        String appointmentId = resolve(state.appointments, appointmentHandle);
        String slotId = resolve(state.slots, slotHandle);
        AppointmentView moved = scheduling.reschedule(caller, appointmentId, slotId);
        state.changed = moved;
        return moved;
    }

    /** Releases the conversation's hold, if any (a new hold, "not now", logout, expiry). */
    public void releaseHold(Caller caller, ToolState state) {
        if (state.holdId != null) {
            String holdId = state.holdId;
            state.holdId = null;
            try {
                scheduling.releaseHold(caller, holdId);
            } catch (ProblemException e) {
                // already released or expired: nothing left to do
            }
        }
    }

    /** The practitioner a name names, by the same matching as the conversation's understanding. */
    public Optional<String> practitionerNamed(String name) {
        return understander.practitionerNamed(name, directory.current().practitioners().values());
    }

    public String practitionerName(String id) {
        return directory.current().practitioner(id).name();
    }

    /** The visit types patients may choose from (configuration). */
    public List<String> visitTypes() {
        return config.visitTypes();
    }

    private String defaultVisitType() {
        return config.visitTypes().get(0);
    }

    private List<AppointmentView> upcoming(Caller caller) {
        return scheduling.upcoming(caller);
    }

    private static String resolve(Map<String, String> handles, String handle) {
        String id = handle == null ? null : handles.get(handle.trim());
        if (id == null) {
            throw new UnknownHandleException(handles.keySet());
        }
        return id;
    }

    private static <T> List<Offer> handles(String prefix, List<T> items, Map<String, String> handles,
            Function<T, String> id, Function<T, Offer> offer) {
        handles.clear();
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String handle = prefix + (i + 1);
            handles.put(handle, id.apply(items.get(i)));
            Offer o = offer.apply(items.get(i));
            offers.add(new Offer(handle, o.label(), o.start(), o.practitionerId()));
        }
        return offers;
    }
}
