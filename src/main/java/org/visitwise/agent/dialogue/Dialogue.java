package org.visitwise.agent.dialogue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.visitwise.agent.ChatEngine;
import org.visitwise.agent.ChatInput;
import org.visitwise.agent.ChatReply;
import org.visitwise.agent.QuickReply;
import org.visitwise.agent.dialogue.Flow.Step;
import org.visitwise.agent.tools.ConversationTools;
import org.visitwise.agent.tools.ConversationTools.Criteria;
import org.visitwise.agent.tools.ConversationTools.Offer;
import org.visitwise.agent.tools.UnknownHandleException;
import org.visitwise.agent.understanding.Intent;
import org.visitwise.agent.understanding.Understander;
import org.visitwise.agent.understanding.Understood;
import org.visitwise.agent.wording.Wording;
import org.visitwise.api.ProblemException;
import org.visitwise.ehr.EhrUnavailableException;
import org.visitwise.scheduling.AppointmentView;
import org.visitwise.scheduling.HoldView;
import org.visitwise.scheduling.SlotUnavailableException;
import org.visitwise.session.ChatSession;
import org.visitwise.session.SessionEnded;

/**
 * The offline assistant's dialogue: a state machine over what was understood ({@link Understood})
 * and the quick replies pressed, acting only through the {@link ConversationTools} and speaking only
 * through the {@link Wording}. Nothing is booked, cancelled or moved before the patient confirms
 * what was said back to them.
 */
@ApplicationScoped
public class Dialogue implements ChatEngine {

    /** The menu's choices, which stand at any point of a conversation. */
    private static final java.util.Set<String> MENU = java.util.Set.of("book", "list", "cancel", "reschedule");

    private final ConversationTools tools;
    private final Wording wording;
    private final Understander understander;

    Dialogue(ConversationTools tools, Wording wording, Understander understander) {
        this.tools = tools;
        this.wording = wording;
        this.understander = understander;
    }

    /** One turn's context. */
    private record Turn(ChatSession session, Flow flow, String lang) {
    }

    @Override
    public ChatReply start(ChatSession session) {
        Turn t = new Turn(session, flow(session), session.language());
        return offer(t, text(t, "greeting"), menu(t), Step.MENU);
    }

    @Override
    public ChatReply handle(ChatSession session, ChatInput input) {
        Turn t = new Turn(session, flow(session), session.language());
        ChatReply reply;
        try {
            reply = input.isChoice() ? choice(t, input.choice()) : text(t, input);
        } catch (SlotUnavailableException e) {
            List<Offer> offers = tools.offerSlots(t.flow().tools, e.alternatives(), t.lang());
            reply = e.alternatives().isEmpty() ? offer(t, text(t, "slots.takenNone"), menu(t), Step.MENU)
                    : offer(t, text(t, "slots.taken"), slotOptions(t, offers), Step.SLOTS);
        } catch (EhrUnavailableException e) {
            reply = offer(t, text(t, "ehrDown"), menu(t), Step.MENU);
        } catch (UnknownHandleException e) {
            reply = ChatReply.of(text(t, "choose"), t.flow().options);
        } catch (ProblemException e) {
            reply = offer(t, e.problem().detail(), menu(t), Step.MENU);
        }
        return reply.understood() != null ? reply : reply.withUnderstood(understood(t));
    }

    private ChatReply choice(Turn t, String choice) {
        Flow flow = t.flow();
        if (!MENU.contains(choice) && flow.options.stream().noneMatch(o -> o.id().equals(choice))) {
            return ChatReply.of(text(t, "choose"), flow.options);
        }
        switch (choice) {
            case "book" -> {
                flow.reset(Intent.BOOK, Criteria.none());
                return visitTypeOrTimes(t, false);
            }
            case "list" -> {
                return list(t);
            }
            case "cancel" -> {
                return pickAppointment(t, Step.PICK_CANCEL, Criteria.none());
            }
            case "reschedule" -> {
                return pickAppointment(t, Step.PICK_RESCHEDULE, Criteria.none());
            }
            case "menu" -> {
                tools.releaseHold(t.session().caller(), flow.tools);
                flow.reset(null, Criteria.none());
                return offer(t, text(t, "whatNext"), menu(t), Step.MENU);
            }
            case "yes" -> {
                return confirm(t);
            }
            case "other" -> {
                tools.releaseHold(t.session().caller(), flow.tools);
                return times(t, text(t, "slots.other"));
            }
            case "later" -> {
                flow.criteria = flow.criteria.withFrom(flow.tools.lastOfferedDay().orElseThrow().plusDays(1));
                return times(t, text(t, "slots.later"));
            }
            default -> {
                return pick(t, choice);
            }
        }
    }

    private ChatReply pick(Turn t, String choice) {
        Flow flow = t.flow();
        if (choice.startsWith("vt:")) {
            Criteria c = flow.criteria;
            flow.criteria = new Criteria(c.practitionerId(), c.locationId(), choice.substring(3), c.from(), c.to(), c.time());
            return times(t, null);
        }
        if (choice.startsWith("S") && flow.rescheduling) {
            flow.slotHandle = choice;
            return offer(t, text(t, "reschedule.confirm", labelOf(flow, choice)), confirmOptions(t, "option.yesMove"),
                    Step.CONFIRM_RESCHEDULE);
        }
        if (choice.startsWith("S")) {
            HoldView hold = tools.hold(t.session().caller(), flow.tools, choice, flow.criteria.visitType());
            return offer(t, text(t, "hold", wording.slot(hold.slot(), t.lang()), wording.visitType(flow.criteria.visitType(),
                    t.lang())), List.of(new QuickReply("yes", text(t, "option.yesBook")), new QuickReply("other",
                            text(t, "option.other")), new QuickReply("menu", text(t, "option.notNow"))), Step.CONFIRM_BOOK);
        }
        if (flow.step == Step.PICK_CANCEL) {
            return confirmCancel(t, choice);
        }
        return startReschedule(t, choice);
    }

    private ChatReply confirm(Turn t) {
        Flow flow = t.flow();
        var caller = t.session().caller();
        return switch (flow.step) {
            case CONFIRM_BOOK -> {
                AppointmentView booked = tools.bookHeld(caller, flow.tools);
                flow.reset(Intent.BOOK, Criteria.none());
                yield offer(t, text(t, "booked", wording.appointment(booked, t.lang())), menu(t), Step.MENU)
                        .withAppointment(booked);
            }
            case CONFIRM_CANCEL -> {
                AppointmentView cancelled = tools.cancel(caller, flow.tools, flow.appointmentHandle);
                flow.reset(Intent.CANCEL, Criteria.none());
                yield offer(t, text(t, "cancelled", wording.appointment(cancelled, t.lang())), menu(t), Step.MENU)
                        .withAppointment(cancelled);
            }
            case CONFIRM_RESCHEDULE -> {
                AppointmentView moved = tools.reschedule(caller, flow.tools, flow.appointmentHandle, flow.slotHandle);
                flow.reset(Intent.RESCHEDULE, Criteria.none());
                yield offer(t, text(t, "rescheduled", wording.appointment(moved, t.lang())), menu(t), Step.MENU)
                        .withAppointment(moved);
            }
            default -> ChatReply.of(text(t, "choose"), flow.options);
        };
    }

    private ChatReply text(Turn t, ChatInput input) {
        Flow flow = t.flow();
        Understood u = input.understood();
        if (flow.confirming()) {
            Optional<Boolean> answer = understander.answer(input.text());
            if (answer.isPresent() && answer.get()) {
                return confirm(t);
            }
            if (answer.isPresent()) {
                tools.releaseHold(t.session().caller(), flow.tools);
                flow.reset(null, Criteria.none());
                return offer(t, text(t, "nothingChanged"), menu(t), Step.MENU);
            }
        }
        return switch (u.intent()) {
            case CANCEL -> pickAppointment(t, Step.PICK_CANCEL, Criteria.of(u));
            case RESCHEDULE -> flow.rescheduling && flow.booking() ? refine(t, u) : pickAppointment(t, Step.PICK_RESCHEDULE,
                    Criteria.of(u));
            case LIST -> list(t).withUnderstood(u);
            case HELP -> offer(t, text(t, "help"), menu(t), Step.MENU).withUnderstood(u);
            case BOOK -> {
                if (flow.booking() && u.hasDetails()) {
                    yield refine(t, u);
                }
                tools.releaseHold(t.session().caller(), flow.tools);
                flow.reset(Intent.BOOK, Criteria.of(u));
                yield visitTypeOrTimes(t, u.hasDetails());
            }
            // other, or nothing understood: what can be done here, and the menu
            default -> offer(t, text(t, "unsure"), menu(t), Step.MENU).withUnderstood(u);
        };
    }

    /** New details while choosing a time ("anything in the afternoon?"): the search is narrowed. */
    private ChatReply refine(Turn t, Understood u) {
        Flow flow = t.flow();
        tools.releaseHold(t.session().caller(), flow.tools);
        Criteria c = flow.criteria;
        flow.criteria = new Criteria(or(u.practitionerId(), c.practitionerId()), or(u.locationId(), c.locationId()),
                or(u.visitType(), c.visitType()), u.from() != null ? u.from() : c.from(), u.from() != null ? u.to() : c.to(),
                u.time() != null ? u.time() : c.time());
        return visitTypeOrTimes(t, true);
    }

    private ChatReply visitTypeOrTimes(Turn t, boolean sayBack) {
        String intro = sayBack ? understoodIntro(t) : "";
        if (t.flow().criteria.visitType() == null) {
            List<QuickReply> types = new ArrayList<>();
            tools.visitTypes().forEach(v -> types.add(new QuickReply("vt:" + v, capitalized(wording.visitType(v, t.lang())))));
            return offer(t, text(t, "visitType.question", intro), types, Step.VISIT_TYPE);
        }
        return times(t, intro.isEmpty() ? null : intro.trim());
    }

    private ChatReply times(Turn t, String intro) {
        Flow flow = t.flow();
        var caller = t.session().caller();
        List<Offer> found = tools.findTimes(caller, flow.tools, flow.criteria, t.lang());
        String prefix = intro == null ? "" : intro + " ";
        if (found.isEmpty() && (flow.criteria.from() != null || flow.criteria.time() != null)) {
            List<Offer> nearest = tools.findTimes(caller, flow.tools, flow.criteria.widened(), t.lang());
            if (!nearest.isEmpty()) {
                return offer(t, text(t, "slots.noneWidened", prefix), slotOptions(t, nearest), Step.SLOTS);
            }
        }
        if (found.isEmpty()) {
            return offer(t, text(t, "slots.none", prefix), menu(t), Step.MENU);
        }
        return offer(t, intro == null ? text(t, "slots.next") : intro, slotOptions(t, found), Step.SLOTS);
    }

    private ChatReply list(Turn t) {
        List<Offer> upcoming = tools.appointments(t.session().caller(), t.flow().tools, t.lang());
        StringBuilder reply = new StringBuilder(text(t, upcoming.isEmpty() ? "list.none" : "list.some"));
        upcoming.forEach(a -> reply.append("\n- ").append(a.label()));
        return offer(t, reply.toString(), menu(t), Step.MENU);
    }

    /**
     * Which appointment to cancel or move. A cancellation that names its day or practitioner and
     * matches one appointment goes straight to the confirmation; so does a reschedule when the patient
     * has one upcoming appointment. For a reschedule, {@code wanted} is where to move to.
     */
    private ChatReply pickAppointment(Turn t, Step step, Criteria wanted) {
        Flow flow = t.flow();
        tools.releaseHold(t.session().caller(), flow.tools);
        flow.reset(step == Step.PICK_CANCEL ? Intent.CANCEL : Intent.RESCHEDULE, wanted);
        List<Offer> upcoming = tools.appointments(t.session().caller(), flow.tools, t.lang());
        if (upcoming.isEmpty()) {
            return offer(t, text(t, "list.none"), menu(t), Step.MENU);
        }
        List<Offer> meant = step == Step.PICK_CANCEL ? upcoming.stream().filter(a -> matches(a, wanted)).toList() : upcoming;
        boolean narrowed = step == Step.PICK_RESCHEDULE || wanted.from() != null || wanted.practitionerId() != null;
        if (meant.size() == 1 && narrowed) {
            flow.step = step;
            return step == Step.PICK_CANCEL ? confirmCancel(t, meant.get(0).handle()) : startReschedule(t, meant.get(0).handle());
        }
        List<QuickReply> options = new ArrayList<>();
        upcoming.forEach(a -> options.add(new QuickReply(a.handle(), a.label(), a.start())));
        options.add(new QuickReply("menu", text(t, "option.menu")));
        return offer(t, text(t, step == Step.PICK_CANCEL ? "cancel.which" : "reschedule.which"), options, step);
    }

    private ChatReply confirmCancel(Turn t, String handle) {
        t.flow().appointmentHandle = handle;
        AppointmentView a = tools.appointment(t.session().caller(), t.flow().tools, handle);
        return offer(t, text(t, "cancel.confirm", wording.appointment(a, t.lang())), confirmOptions(t, "option.yesCancel"),
                Step.CONFIRM_CANCEL);
    }

    private ChatReply startReschedule(Turn t, String handle) {
        Flow flow = t.flow();
        AppointmentView old = tools.appointment(t.session().caller(), flow.tools, handle);
        flow.rescheduling = true;
        flow.appointmentHandle = handle;
        Criteria to = flow.criteria;
        String oldPractitioner = old.practitioner() == null ? null : old.practitioner().id();
        boolean same = to.practitionerId() == null || to.practitionerId().equals(oldPractitioner);
        flow.criteria = new Criteria(same ? oldPractitioner : to.practitionerId(), to.locationId(), old.visitType(), to.from(),
                to.to(), to.time());
        return times(t, same && to.from() == null && to.time() == null ? text(t, "slots.samePractitioner") : understoodIntro(t).trim());
    }

    private static boolean matches(Offer a, Criteria wanted) {
        var day = OffsetDateTime.parse(a.start()).toLocalDate();
        boolean onDay = wanted.from() == null || !day.isBefore(wanted.from()) && !day.isAfter(wanted.to() == null ? wanted.from() : wanted.to());
        boolean with = wanted.practitionerId() == null || wanted.practitionerId().equals(a.practitionerId());
        return onDay && with;
    }

    /** Ends of conversations (logout, expiry) release what they still hold in the EHR. */
    void ended(@Observes SessionEnded event) {
        event.session().engineStateIf(Flow.class).ifPresent(flow -> tools.releaseHold(event.session().caller(), flow.tools));
    }

    private String understoodIntro(Turn t) {
        Criteria c = t.flow().criteria;
        List<String> parts = new ArrayList<>();
        if (c.practitionerId() != null) {
            parts.add(text(t, "understood.with", tools.practitionerName(c.practitionerId())));
        }
        if (c.from() != null) {
            parts.add(c.to() == null || c.to().equals(c.from()) ? text(t, "understood.from", wording.day(c.from(), t.lang()))
                    : text(t, "understood.between", wording.day(c.from(), t.lang()), wording.day(c.to(), t.lang())));
        }
        if (c.time() != null) {
            parts.add(text(t, "understood.time", wording.timeOfDay(c.time(), t.lang())));
        }
        return parts.isEmpty() ? "" : text(t, "understood.intro", String.join(text(t, "understood.join"), parts)) + " ";
    }

    private Understood understood(Turn t) {
        Criteria c = t.flow().criteria;
        Intent intent = t.flow().intent;
        return intent == null ? null : new Understood(intent, c.practitionerId(), c.locationId(), c.visitType(), c.from(),
                c.to(), c.time(), t.lang());
    }

    private List<QuickReply> slotOptions(Turn t, List<Offer> offers) {
        List<QuickReply> options = new ArrayList<>();
        offers.forEach(o -> options.add(new QuickReply(o.handle(), o.label(), o.start())));
        if (!offers.isEmpty()) {
            options.add(new QuickReply("later", text(t, "option.later")));
        }
        options.add(new QuickReply("menu", text(t, "option.menu")));
        return options;
    }

    private List<QuickReply> menu(Turn t) {
        return wording.menu(t.lang());
    }

    private List<QuickReply> confirmOptions(Turn t, String yesKey) {
        return List.of(new QuickReply("yes", text(t, yesKey)), new QuickReply("menu", text(t, "option.keep")));
    }

    private static ChatReply offer(Turn t, String reply, List<QuickReply> options, Step step) {
        t.flow().step = step;
        t.flow().options = options;
        return ChatReply.of(reply, options);
    }

    private static String labelOf(Flow flow, String choice) {
        return flow.options.stream().filter(o -> o.id().equals(choice)).findFirst().map(QuickReply::label).orElse("");
    }

    private String text(Turn t, String key, Object... args) {
        return wording.text(t.lang(), key, args);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static Flow flow(ChatSession session) {
        return session.engineState(Flow::new);
    }
}
