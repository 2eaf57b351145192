package org.visitwise.agent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.visitwise.agent.Flow.Step;
import org.visitwise.api.ProblemException;
import org.visitwise.ehr.EhrUnavailableException;
import org.visitwise.scheduling.AppointmentView;
import org.visitwise.scheduling.HoldView;
import org.visitwise.scheduling.PracticeDirectory;
import org.visitwise.scheduling.SchedulingConfig;
import org.visitwise.scheduling.SchedulingService;
import org.visitwise.scheduling.SlotQuery;
import org.visitwise.scheduling.SlotUnavailableException;
import org.visitwise.scheduling.SlotView;
import org.visitwise.security.Caller;
import org.visitwise.session.ChatSession;
import org.visitwise.session.SessionEnded;

/**
 * The offline assistant: a deterministic guided flow (book, list, cancel, reschedule) driven by
 * quick replies, which also understands short free text for what the patient wants (an in-process
 * embedding model, keywords as fallback), with whom and when. Nothing is booked or changed without the patient confirming what was understood.
 */
@ApplicationScoped
public class StructuredAssistant implements ChatEngine {

    private final SchedulingService scheduling;
    private final PracticeDirectory directory;
    private final SchedulingConfig config;
    private final Clock clock;
    private final IntentClassifier intents;

    StructuredAssistant(SchedulingService scheduling, PracticeDirectory directory, SchedulingConfig config, Clock clock,
            IntentClassifier intents) {
        this.scheduling = scheduling;
        this.directory = directory;
        this.config = config;
        this.clock = clock;
        this.intents = intents;
    }

    static List<QuickReply> menu() {
        return List.of(new QuickReply("book", "Book an appointment"), new QuickReply("list", "My appointments"),
                new QuickReply("cancel", "Cancel an appointment"), new QuickReply("reschedule", "Reschedule an appointment"));
    }

    @Override
    public ChatReply start(ChatSession session) {
        return offer(flow(session), ChatReply.of("Hello! I can book, change or cancel your appointments. "
                + "What would you like to do?", menu()), Step.MENU);
    }

    @Override
    public ChatReply handle(ChatSession session, ChatInput input) {
        Flow flow = flow(session);
        try {
            if (input.isChoice()) {
                return choice(session.caller(), flow, input.choice());
            }
            return text(session, flow, input.text());
        } catch (SlotUnavailableException e) {
            flow.offers.clear();
            List<QuickReply> options = slotOptions(flow, e.alternatives());
            return offer(flow, ChatReply.of(e.alternatives().isEmpty() ? "Sorry, that time was just taken and I found "
                    + "no other open time." : "Sorry, that time was just taken. These are the next open times:", options),
                    e.alternatives().isEmpty() ? Step.MENU : Step.SLOTS);
        } catch (EhrUnavailableException e) {
            return offer(flow, ChatReply.of("The practice's system is not answering right now, so nothing was changed. "
                    + "Please try again in a minute.", menu()), Step.MENU);
        } catch (ProblemException e) {
            return offer(flow, ChatReply.of(e.problem().detail(), menu()), Step.MENU);
        }
    }

    private ChatReply choice(Caller caller, Flow flow, String choice) {
        if (flow.options.stream().noneMatch(o -> o.id().equals(choice))) {
            return ChatReply.of("Please choose one of the options.", flow.options);
        }
        switch (choice) {
            case "book" -> {
                flow.resetCriteria();
                return askVisitTypeOrOffer(caller, flow, null);
            }
            case "list" -> {
                return list(caller, flow);
            }
            case "cancel" -> {
                return pickAppointment(caller, flow, Step.PICK_CANCEL, "Which appointment would you like to cancel?");
            }
            case "reschedule" -> {
                return pickAppointment(caller, flow, Step.PICK_RESCHEDULE, "Which appointment would you like to move?");
            }
            case "menu" -> {
                releaseHold(caller, flow);
                return offer(flow, ChatReply.of("What would you like to do?", menu()), Step.MENU);
            }
            case "yes" -> {
                return confirm(caller, flow);
            }
            case "other" -> {
                releaseHold(caller, flow);
                return slots(caller, flow, "Here are other open times:");
            }
            case "later" -> {
                flow.from = flow.lastOfferedDay.plusDays(1);
                return slots(caller, flow, "Here are later open times:");
            }
            default -> {
                return pick(caller, flow, choice);
            }
        }
    }

    private ChatReply pick(Caller caller, Flow flow, String choice) {
        if (choice.startsWith("vt:")) {
            flow.visitType = choice.substring(3);
            return slots(caller, flow, null);
        }
        String target = flow.offers.get(choice);
        if (choice.startsWith("S") && flow.rescheduling) {
            flow.slotId = target;
            String label = flow.options.stream().filter(o -> o.id().equals(choice)).findFirst().map(QuickReply::label).orElse("");
            return offer(flow, ChatReply.of("Move your appointment to " + label + "?", confirmOptions("Yes, move it")),
                    Step.CONFIRM_RESCHEDULE);
        }
        if (choice.startsWith("S")) {
            HoldView hold = scheduling.hold(caller, target, flow.visitType);
            flow.holdId = hold.holdId();
            return offer(flow, ChatReply.of("I'm holding " + Labels.slot(hold.slot()) + " for a "
                    + visitTypeLabel(flow.visitType) + ". Shall I book it?", List.of(new QuickReply("yes", "Yes, book it"),
                    new QuickReply("other", "Show other times"), new QuickReply("menu", "Not now"))), Step.CONFIRM_BOOK);
        }
        flow.appointmentId = target;
        if (flow.step == Step.PICK_CANCEL) {
            return offer(flow, ChatReply.of("Cancel your appointment on " + labelOf(flow, choice) + "?",
                    confirmOptions("Yes, cancel it")), Step.CONFIRM_CANCEL);
        }
        flow.rescheduling = true;
        AppointmentView old = scheduling.upcoming(caller).stream().filter(a -> a.id().equals(target)).findFirst()
                .orElseThrow(() -> new org.visitwise.scheduling.AppointmentNotFoundException("appointment"));
        flow.practitionerId = old.practitioner() == null ? null : old.practitioner().id();
        flow.visitType = old.visitType();
        return slots(caller, flow, "Here are open times with the same practitioner:");
    }

    private ChatReply confirm(Caller caller, Flow flow) {
        switch (flow.step) {
            case CONFIRM_BOOK -> {
                var booking = scheduling.bookHold(caller, flow.holdId, "chat-" + flow.holdId);
                flow.holdId = null;
                flow.resetCriteria();
                offer(flow, null, Step.MENU);
                return new ChatReply("Booked: " + Labels.appointment(booking.appointment()) + ". Anything else?", menu(),
                        booking.appointment());
            }
            case CONFIRM_CANCEL -> {
                AppointmentView cancelled = scheduling.cancel(caller, flow.appointmentId);
                flow.resetCriteria();
                offer(flow, null, Step.MENU);
                return new ChatReply("Your appointment on " + Labels.appointment(cancelled) + " is cancelled.", menu(), cancelled);
            }
            case CONFIRM_RESCHEDULE -> {
                AppointmentView moved = scheduling.reschedule(caller, flow.appointmentId, flow.slotId);
                flow.resetCriteria();
                offer(flow, null, Step.MENU);
                return new ChatReply("Done: your appointment is now " + Labels.appointment(moved) + ".", menu(), moved);
            }
            default -> {
                return ChatReply.of("Please choose one of the options.", flow.options);
            }
        }
    }

    private ChatReply text(ChatSession session, Flow flow, String text) {
        Caller caller = session.caller();
        Intent intent = intents.classify(text);
        boolean confirming = flow.step == Step.CONFIRM_BOOK || flow.step == Step.CONFIRM_CANCEL
                || flow.step == Step.CONFIRM_RESCHEDULE;
        if (confirming && intent == Intent.YES) {
            return confirm(caller, flow);
        }
        if (confirming && intent == Intent.NO) {
            releaseHold(caller, flow);
            flow.resetCriteria();
            return offer(flow, ChatReply.of("All right, nothing was changed. What would you like to do?", menu()), Step.MENU);
        }
        return switch (intent) {
            case CANCEL -> pickAppointment(caller, flow, Step.PICK_CANCEL, "Which appointment would you like to cancel?");
            case RESCHEDULE -> pickAppointment(caller, flow, Step.PICK_RESCHEDULE, "Which appointment would you like to move?");
            case LIST -> list(caller, flow);
            case BOOK -> {
                releaseHold(caller, flow);
                flow.resetCriteria();
                yield askVisitTypeOrOffer(caller, flow, text);
            }
            default -> offer(flow, ChatReply.of("I can book, change or cancel appointments. Please choose an option.",
                    menu()), Step.MENU);
        };
    }

    private ChatReply askVisitTypeOrOffer(Caller caller, Flow flow, String text) {
        String understood = "";
        if (text != null) {
            String t = text.toLowerCase(Locale.ROOT);
            var when = DateExpressions.parse(text, LocalDate.now(clock.withZone(config.timeZone())));
            flow.from = when.date().orElse(null);
            flow.partOfDay = when.partOfDay().orElse(null);
            flow.visitType = config.visitTypes().stream().filter(v -> t.contains(v.replace('-', ' ')) || t.contains(v))
                    .findFirst().orElse(null);
            directory.current().schedules().values().stream()
                    .filter(s -> s.practitioner() != null && s.practitioner().name() != null)
                    .filter(s -> t.contains(lastName(s.practitioner().name())))
                    .findFirst().ifPresent(s -> flow.practitionerId = s.practitioner().id());
            understood = understood(flow);
        }
        if (flow.visitType == null) {
            List<QuickReply> types = new ArrayList<>();
            config.visitTypes().forEach(v -> types.add(new QuickReply("vt:" + v, visitTypeLabel(v))));
            return offer(flow, ChatReply.of(understood + "What kind of visit is it?", types), Step.VISIT_TYPE);
        }
        return slots(caller, flow, understood.isEmpty() ? null : understood);
    }

    private ChatReply slots(Caller caller, Flow flow, String intro) {
        SlotQuery query = new SlotQuery(Optional.ofNullable(flow.practitionerId), Optional.empty(),
                Optional.ofNullable(flow.visitType), Optional.ofNullable(flow.from), Optional.empty(),
                Optional.ofNullable(flow.partOfDay));
        List<SlotView> found = scheduling.find(caller, query);
        if (found.isEmpty()) {
            return offer(flow, ChatReply.of((intro == null ? "" : intro + " ")
                    + "I found no open time matching that. Would you like to try something else?", menu()), Step.MENU);
        }
        flow.offers.clear();
        return offer(flow, ChatReply.of(intro == null ? "Here are the next open times:" : intro,
                slotOptions(flow, found)), Step.SLOTS);
    }

    private List<QuickReply> slotOptions(Flow flow, List<SlotView> slots) {
        List<QuickReply> options = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            String id = "S" + (i + 1);
            flow.offers.put(id, slots.get(i).id());
            options.add(new QuickReply(id, Labels.slot(slots.get(i)), slots.get(i).time().start()));
        }
        if (!slots.isEmpty()) {
            flow.lastOfferedDay = LocalDate.parse(slots.get(slots.size() - 1).time().localDate());
            options.add(new QuickReply("later", "Later dates"));
        }
        options.add(new QuickReply("menu", "Something else"));
        return options;
    }

    private ChatReply list(Caller caller, Flow flow) {
        List<AppointmentView> upcoming = scheduling.upcoming(caller);
        StringBuilder reply = new StringBuilder(upcoming.isEmpty() ? "You have no upcoming appointments."
                : "Your upcoming appointments:");
        upcoming.forEach(a -> reply.append("\n- ").append(Labels.appointment(a)));
        return offer(flow, ChatReply.of(reply.toString(), menu()), Step.MENU);
    }

    private ChatReply pickAppointment(Caller caller, Flow flow, Step step, String question) {
        releaseHold(caller, flow);
        flow.resetCriteria();
        List<AppointmentView> upcoming = scheduling.upcoming(caller);
        if (upcoming.isEmpty()) {
            return offer(flow, ChatReply.of("You have no upcoming appointments.", menu()), Step.MENU);
        }
        flow.offers.clear();
        List<QuickReply> options = new ArrayList<>();
        for (int i = 0; i < upcoming.size(); i++) {
            String id = "A" + (i + 1);
            flow.offers.put(id, upcoming.get(i).id());
            options.add(new QuickReply(id, Labels.appointment(upcoming.get(i)), upcoming.get(i).time().start()));
        }
        options.add(new QuickReply("menu", "Something else"));
        return offer(flow, ChatReply.of(question, options), step);
    }

    private void releaseHold(Caller caller, Flow flow) {
        if (flow.holdId != null) {
            String holdId = flow.holdId;
            flow.holdId = null;
            try {
                scheduling.releaseHold(caller, holdId);
            } catch (ProblemException e) {
                // already released or expired: nothing left to do
            }
        }
    }

    /** Releases what an ended conversation still holds in the EHR (logout or expiry). */
    void ended(@Observes SessionEnded event) {
        event.session().engineStateIf(Flow.class).ifPresent(flow -> releaseHold(event.session().caller(), flow));
    }

    private static ChatReply offer(Flow flow, ChatReply reply, Step step) {
        flow.step = step;
        flow.options = reply == null ? menu() : reply.options();
        return reply;
    }

    private static List<QuickReply> confirmOptions(String yes) {
        return List.of(new QuickReply("yes", yes), new QuickReply("menu", "No, keep it"));
    }

    private static String labelOf(Flow flow, String choice) {
        return flow.options.stream().filter(o -> o.id().equals(choice)).findFirst().map(QuickReply::label).orElse("");
    }

    private String understood(Flow flow) {
        List<String> parts = new ArrayList<>();
        if (flow.practitionerId != null) {
            parts.add("with " + directory.current().practitioner(flow.practitionerId).name());
        }
        if (flow.from != null) {
            parts.add("from " + Labels.day(flow.from));
        }
        if (flow.partOfDay != null) {
            parts.add("in the " + flow.partOfDay.name().toLowerCase(Locale.ROOT));
        }
        return parts.isEmpty() ? "" : "Looking for times " + String.join(", ", parts) + ". ";
    }

    private static String lastName(String displayName) {
        String[] words = displayName.toLowerCase(Locale.ROOT).split(" ");
        return words[words.length - 1];
    }

    private static String visitTypeLabel(String code) {
        return switch (code) {
            case "new-patient" -> "new patient visit";
            case "follow-up" -> "follow-up visit";
            case "annual-physical" -> "annual physical";
            default -> code.replace('-', ' ');
        };
    }

    private static Flow flow(ChatSession session) {
        return session.engineState(Flow::new);
    }
}
