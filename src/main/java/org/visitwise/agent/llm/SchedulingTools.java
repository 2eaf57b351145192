package org.visitwise.agent.llm;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.visitwise.agent.tools.ConversationTools;
import org.visitwise.agent.tools.ConversationTools.Criteria;
import org.visitwise.agent.tools.ConversationTools.Offer;
import org.visitwise.agent.tools.UnknownHandleException;
import org.visitwise.agent.understanding.TimeOfDay;
import org.visitwise.api.ProblemException;
import org.visitwise.scheduling.AppointmentView;
import org.visitwise.scheduling.HoldView;
import org.visitwise.security.Caller;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/**
 * The scheduling operations offered to the model: the {@link ConversationTools} the structured
 * dialogue uses too, all bound to the conversation's patient (no tool takes a patient; slots and
 * appointments are named only by the handles this conversation was shown). A write — booking,
 * cancelling, moving — is done only when the patient's message of this turn is a confirmation, whatever
 * the model says. Results are short, in English for the model, and carry no patient identifier.
 */
@ApplicationScoped
public class SchedulingTools {

    public static final String ASK_FIRST = "Not done: the patient has not confirmed. Say exactly what will happen and ask them to confirm.";

    private final CurrentConversation conversation;
    private final ConversationTools tools;

    SchedulingTools(CurrentConversation conversation, ConversationTools tools) {
        this.conversation = conversation;
        this.tools = tools;
    }

    @Tool("Find the next open appointment times. Returns handles S1..S5 with local times and practitioners.")
    public String findOpenTimes(@P(value = "practitioner's name, or empty for any", required = false) String practitioner,
            @P(value = "first date to look at, YYYY-MM-DD, or empty for today", required = false) String date,
            @P(value = "morning, afternoon, evening, or empty", required = false) String partOfDay,
            @P(value = "visit type: one of the practice's visit types, e.g. follow-up") String visitType) {
        return guarded(() -> {
            Optional<String> practitionerId = blank(practitioner) ? Optional.empty() : tools.practitionerNamed(practitioner);
            if (!blank(practitioner) && practitionerId.isEmpty()) {
                return "No practitioner of that name at this practice.";
            }
            LocalDate from;
            try {
                from = blank(date) ? null : LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                return "The date must be YYYY-MM-DD.";
            }
            TimeOfDay time;
            try {
                time = blank(partOfDay) ? null : TimeOfDay.parse(partOfDay.trim().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return "Part of day must be morning, afternoon or evening.";
            }
            String type = blank(visitType) ? null : visitType.trim();
            if (type != null && !tools.visitTypes().contains(type)) {
                return "Unknown visit type; use one of " + tools.visitTypes() + ".";
            }
            List<Offer> offers = tools.findTimes(caller(), state().tools,
                    new Criteria(practitionerId.orElse(null), null, type, from, null, time), "en");
            return offers.isEmpty() ? "No open times match." : lines(offers);
        });
    }

    @Tool("Hold an offered time (S1..S5) while the patient confirms. Does not book yet.")
    public String holdTime(@P("handle of the offered time, e.g. S1") String handle, @P("visit type") String visitType) {
        return guarded(() -> {
            HoldView hold = tools.hold(caller(), state().tools, handle, blank(visitType) ? null : visitType.trim());
            return "Held " + handle + ": " + hold.slot().time().dayOfWeek() + " " + hold.slot().time().localDate() + " "
                    + hold.slot().time().localTime() + ". Ask the patient to confirm.";
        });
    }

    @Tool("Book the held time, only after the patient clearly confirmed.")
    public String bookHeldTime() {
        return guarded(() -> {
            if (!state().tools.holding()) {
                return "Nothing is held. Hold a time first.";
            }
            if (!state().patientConfirmed) {
                return ASK_FIRST;
            }
            AppointmentView booked = tools.bookHeld(caller(), state().tools);
            return "Booked: " + describe(booked) + ".";
        });
    }

    @Tool("List the patient's upcoming appointments. Returns handles A1, A2, ...")
    public String listAppointments() {
        return guarded(() -> {
            List<Offer> upcoming = tools.appointments(caller(), state().tools, "en");
            return upcoming.isEmpty() ? "No upcoming appointments." : lines(upcoming);
        });
    }

    @Tool("Cancel an appointment (A1, A2, ...), only after the patient clearly confirmed.")
    public String cancelAppointment(@P("handle of the appointment, e.g. A1") String handle) {
        return guarded(() -> {
            tools.appointment(caller(), state().tools, handle);
            if (!state().patientConfirmed) {
                return ASK_FIRST;
            }
            return "Cancelled: " + describe(tools.cancel(caller(), state().tools, handle)) + ".";
        });
    }

    @Tool("Move an appointment (A1..) to an offered time (S1..), only after the patient clearly confirmed.")
    public String rescheduleAppointment(@P("handle of the appointment, e.g. A1") String appointment,
            @P("handle of the new time, e.g. S2") String time) {
        return guarded(() -> {
            tools.appointment(caller(), state().tools, appointment);
            if (!state().tools.slotHandles().contains(time == null ? "" : time.trim())) {
                return "Unknown handle. Times: " + state().tools.slotHandles();
            }
            if (!state().patientConfirmed) {
                return ASK_FIRST;
            }
            return "Moved to " + describe(tools.reschedule(caller(), state().tools, appointment, time)) + ".";
        });
    }

    /** Releases a hold this conversation still has (logout, expiry). */
    void releaseHold() {
        tools.releaseHold(caller(), state().tools);
    }

    private static String lines(List<Offer> offers) {
        StringBuilder out = new StringBuilder();
        offers.forEach(o -> out.append(o.handle()).append(": ").append(o.label()).append('\n'));
        return out.toString().trim();
    }

    private static String describe(AppointmentView a) {
        return a.time().dayOfWeek() + " " + a.time().localDate() + " " + a.time().localTime() + " with "
                + (a.practitioner() == null ? "the practice" : a.practitioner().name()) + " (" + a.status() + ")";
    }

    private LlmState state() {
        return conversation.state();
    }

    private Caller caller() {
        return conversation.session().caller();
    }

    /** A tool the model calls wrongly gets a readable answer, never an exception with details. */
    private static String guarded(Supplier<String> action) {
        try {
            return action.get();
        } catch (UnknownHandleException e) {
            return "Unknown handle. Use one of: " + e.known();
        } catch (ProblemException e) {
            return e.problem().detail();
        } catch (IllegalArgumentException e) {
            return "Invalid argument.";
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
