package org.visitwise.agent.llm;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.visitwise.api.ProblemException;
import org.visitwise.scheduling.AppointmentView;
import org.visitwise.scheduling.HoldView;
import org.visitwise.scheduling.PartOfDay;
import org.visitwise.scheduling.PracticeDirectory;
import org.visitwise.scheduling.SchedulingConfig;
import org.visitwise.scheduling.SchedulingService;
import org.visitwise.scheduling.SlotQuery;
import org.visitwise.scheduling.SlotView;
import org.visitwise.security.Caller;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/**
 * The scheduling operations offered to the model, all bound to the conversation's patient: no tool
 * takes a patient, and slots and appointments are named only by handles this conversation was shown.
 * Results are short and carry no patient identifier.
 */
@ApplicationScoped
public class SchedulingTools {

    private final CurrentConversation conversation;
    private final SchedulingService scheduling;
    private final PracticeDirectory directory;
    private final SchedulingConfig config;

    SchedulingTools(CurrentConversation conversation, SchedulingService scheduling, PracticeDirectory directory,
            SchedulingConfig config) {
        this.conversation = conversation;
        this.scheduling = scheduling;
        this.directory = directory;
        this.config = config;
    }

    @Tool("Find the next open appointment times. Returns handles S1..S5 with local times and practitioners.")
    public String findOpenTimes(@P(value = "practitioner's last name, or empty for any", required = false) String practitioner,
            @P(value = "first date to look at, YYYY-MM-DD, or empty for today", required = false) String date,
            @P(value = "morning, afternoon, or empty", required = false) String partOfDay,
            @P(value = "visit type: new-patient, follow-up or annual-physical") String visitType) {
        return guarded(() -> {
            Optional<String> practitionerId = blank(practitioner) ? Optional.empty()
                    : directory.current().schedules().values().stream()
                            .filter(s -> s.practitioner() != null && s.practitioner().name() != null
                                    && s.practitioner().name().toLowerCase(Locale.ROOT)
                                            .contains(practitioner.trim().toLowerCase(Locale.ROOT)))
                            .map(s -> s.practitioner().id()).findFirst();
            if (!blank(practitioner) && practitionerId.isEmpty()) {
                return "No practitioner of that name at this practice.";
            }
            Optional<LocalDate> from;
            try {
                from = blank(date) ? Optional.empty() : Optional.of(LocalDate.parse(date.trim()));
            } catch (DateTimeParseException e) {
                return "The date must be YYYY-MM-DD.";
            }
            Optional<PartOfDay> part = blank(partOfDay) ? Optional.empty()
                    : Optional.of(PartOfDay.valueOf(partOfDay.trim().toUpperCase(Locale.ROOT)));
            List<SlotView> slots = scheduling.find(caller(), new SlotQuery(practitionerId, Optional.empty(),
                    Optional.ofNullable(blank(visitType) ? null : visitType.trim()), from, Optional.empty(), part));
            return slots.isEmpty() ? clearedWith(conversation.state().slots, "No open times match.")
                    : numbered("S", slots, conversation.state().slots, SlotView::id, SchedulingTools::describe);
        });
    }

    @Tool("Hold an offered time (S1..S5) while the patient confirms. Does not book yet.")
    public String holdTime(@P("handle of the offered time, e.g. S1") String handle, @P("visit type") String visitType) {
        return guarded(() -> {
            String slotId = conversation.state().slots.get(handle == null ? "" : handle.trim());
            if (slotId == null) {
                return "Unknown handle. Use one of: " + conversation.state().slots.keySet();
            }
            releaseHold();
            HoldView hold = scheduling.hold(caller(), slotId, visitType == null ? config.visitTypes().get(0) : visitType.trim());
            conversation.state().holdId = hold.holdId();
            conversation.state().heldSlotId = slotId;
            return "Held " + handle + ": " + describe(hold.slot()) + ". Ask the patient to confirm.";
        });
    }

    @Tool("Book the held time, only after the patient clearly confirmed.")
    public String bookHeldTime() {
        return guarded(() -> {
            LlmState state = conversation.state();
            if (state.holdId == null) {
                return "Nothing is held. Hold a time first.";
            }
            var booking = scheduling.bookHold(caller(), state.holdId, "llm-" + state.holdId);
            state.holdId = null;
            state.changed = booking.appointment();
            return "Booked: " + describe(booking.appointment()) + ".";
        });
    }

    @Tool("List the patient's upcoming appointments. Returns handles A1, A2, ...")
    public String listAppointments() {
        return guarded(() -> {
            List<AppointmentView> upcoming = scheduling.upcoming(caller());
            return upcoming.isEmpty() ? clearedWith(conversation.state().appointments, "No upcoming appointments.")
                    : numbered("A", upcoming, conversation.state().appointments, AppointmentView::id, SchedulingTools::describe);
        });
    }

    @Tool("Cancel an appointment (A1, A2, ...), only after the patient clearly confirmed.")
    public String cancelAppointment(@P("handle of the appointment, e.g. A1") String handle) {
        return guarded(() -> {
            String id = conversation.state().appointments.get(handle == null ? "" : handle.trim());
            if (id == null) {
                return "Unknown handle. List the appointments first; use one of: " + conversation.state().appointments.keySet();
            }
            AppointmentView cancelled = scheduling.cancel(caller(), id);
            conversation.state().changed = cancelled;
            return "Cancelled: " + describe(cancelled) + ".";
        });
    }

    @Tool("Move an appointment (A1..) to an offered time (S1..), only after the patient clearly confirmed.")
    public String rescheduleAppointment(@P("handle of the appointment, e.g. A1") String appointment,
            @P("handle of the new time, e.g. S2") String time) {
        return guarded(() -> {
            LlmState state = conversation.state();
            String id = state.appointments.get(appointment == null ? "" : appointment.trim());
            String slotId = state.slots.get(time == null ? "" : time.trim());
            if (id == null || slotId == null) {
                return "Unknown handle. Appointments: " + state.appointments.keySet() + ", times: " + state.slots.keySet();
            }
            AppointmentView moved = scheduling.reschedule(caller(), id, slotId);
            state.changed = moved;
            return "Moved to " + describe(moved) + ".";
        });
    }

    /** Releases a hold this conversation still has (a new hold, logout, expiry). */
    void releaseHold() {
        LlmState state = conversation.state();
        if (state.holdId != null) {
            try {
                scheduling.releaseHold(caller(), state.holdId);
            } catch (ProblemException e) {
                // already gone
            }
            state.holdId = null;
        }
    }

    /**
     * Lists items as {@code <prefix>1: ...} lines and remembers which id each handle stands for: the
     * handles are the only names the model gets.
     */
    private static <T> String numbered(String prefix, List<T> items, java.util.Map<String, String> handles,
            java.util.function.Function<T, String> id, java.util.function.Function<T, String> describe) {
        handles.clear();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String handle = prefix + (i + 1);
            handles.put(handle, id.apply(items.get(i)));
            out.append(handle).append(": ").append(describe.apply(items.get(i))).append('\n');
        }
        return out.toString().trim();
    }

    private static String clearedWith(java.util.Map<String, String> handles, String answer) {
        handles.clear();
        return answer;
    }

    private Caller caller() {
        return conversation.session().caller();
    }

    private static String describe(SlotView slot) {
        return slot.time().dayOfWeek() + " " + slot.time().localDate() + " " + slot.time().localTime() + " with "
                + (slot.practitioner() == null ? "the practice" : slot.practitioner().name());
    }

    private static String describe(AppointmentView a) {
        return a.time().dayOfWeek() + " " + a.time().localDate() + " " + a.time().localTime() + " with "
                + (a.practitioner() == null ? "the practice" : a.practitioner().name()) + " (" + a.status() + ")";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String guarded(java.util.function.Supplier<String> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            return e.problem().detail();
        } catch (IllegalArgumentException e) {
            return "Invalid argument.";
        }
    }
}
