package org.visitwise.agent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.visitwise.agent.safety.EmergencyDetector;
import org.visitwise.agent.text.TextNormalizer;
import org.visitwise.agent.understanding.Intent;
import org.visitwise.agent.understanding.Practice;
import org.visitwise.agent.understanding.Understander;
import org.visitwise.agent.understanding.Understood;
import org.visitwise.agent.wording.Wording;
import org.visitwise.api.CurrentRequest;
import org.visitwise.api.InvalidRequestException;
import org.visitwise.limits.Limit;
import org.visitwise.limits.RateLimits;
import org.visitwise.scheduling.PracticeDirectory;
import org.visitwise.scheduling.SchedulingConfig;
import org.visitwise.scheduling.SchedulingService;
import org.visitwise.security.Caller;
import org.visitwise.session.Channel;
import org.visitwise.session.ChatSession;
import org.visitwise.session.SessionConfig;
import org.visitwise.session.SessionStore;

/**
 * Conversations, whoever carries them: the chat page (patients, front desk) and the EHR relaying a
 * patient's SMS or voice turns. One turn at a time per conversation. Each text is checked for an
 * emergency first, then understood once — in its own language, which the conversation then speaks —
 * and a question seeking medical advice is redirected, whichever engine answers.
 */
@ApplicationScoped
public class Conversations {

    /** A new conversation. */
    public record Opened(String sessionId, long idleTimeoutSeconds, String language, String reply,
            List<QuickReply> options) {
    }

    private final SessionStore sessions;
    private final EngineSelector engines;
    private final SessionConfig config;
    private final PracticeDirectory directory;
    private final MeterRegistry metrics;
    private final Guardrails guardrails;
    private final Understander understander;
    private final Wording wording;
    private final SchedulingService scheduling;
    private final SchedulingConfig schedulingConfig;
    private final Clock clock;
    private final RateLimits limits;

    Conversations(SessionStore sessions, EngineSelector engines, SessionConfig config, PracticeDirectory directory,
            MeterRegistry metrics, Guardrails guardrails, Understander understander, Wording wording,
            SchedulingService scheduling, SchedulingConfig schedulingConfig, Clock clock, RateLimits limits) {
        this.sessions = sessions;
        this.engines = engines;
        this.config = config;
        this.directory = directory;
        this.metrics = metrics;
        this.guardrails = guardrails;
        this.understander = understander;
        this.wording = wording;
        this.scheduling = scheduling;
        this.schedulingConfig = schedulingConfig;
        this.clock = clock;
        this.limits = limits;
    }

    /** Opens a conversation in {@code language} (the client's, if the assistant speaks it). */
    public Opened open(Caller caller, Channel channel, String language) {
        // per person and patient (staff and the EHR open conversations for many patients), and, on the
        // web, per client address
        limits.consume(Limit.CONVERSATIONS_PER_SUBJECT, caller.subject() + "|" + caller.patientId(), caller.subject());
        if (channel == Channel.WEB) {
            limits.consume(Limit.CONVERSATIONS_PER_ADDRESS, CurrentRequest.clientAddress(), caller.subject());
        }
        ChatSession session = sessions.open(caller, channel);
        session.language(wording.supported(language));
        ChatReply greeting = sessions.exclusively(session, () -> engines.engine().start(session));
        return new Opened(session.id(), sessions.idleTimeoutSeconds(), session.language(), greeting.reply(),
                greeting.options());
    }

    /** One turn: {@code text} or {@code choice}, exactly one. */
    public ChatReply say(Caller caller, String sessionId, String text, String choice) {
        if ((text == null) == (choice == null)) {
            throw new InvalidRequestException("Send either text or choice.");
        }
        if (text != null && text.length() > config.maxMessageLength()) {
            throw new MessageTooLongException(config.maxMessageLength());
        }
        if (text != null && !TextNormalizer.hasVisibleText(text)) {
            throw new InvalidRequestException("The message has no text: send words, or choose a quick reply.");
        }
        ChatSession session = sessions.find(sessionId, caller);
        limits.consume(Limit.TURNS_PER_CONVERSATION, session.id(), caller.subject());
        Counter.builder("visitwise.conversation.turns").description("Patient turns handled")
                .tag("channel", session.channel().code()).register(metrics).increment();
        return sessions.exclusively(session, () -> {
            sessions.touch(session);
            if (choice != null) {
                return engines.engine().handle(session, new ChatInput(null, choice, null));
            }
            Optional<EmergencyDetector.Finding> emergency = guardrails.emergency(text);
            if (emergency.isPresent()) {
                String language = wording.supported(emergency.get().language() != null ? emergency.get().language() : session.language());
                return ChatReply.of(guardrails.emergencyMessage(language), List.of())
                        .withUnderstood(Understood.of(Intent.EMERGENCY, language));
            }
            Understood understood = understand(session, text);
            session.language(understood.language());
            if (understood.intent() == Intent.CLINICAL) {
                return guardrails.clinicalRedirect(understood.language(), directory.current().practicePhone())
                        .withUnderstood(understood);
            }
            return engines.engine().handle(session, new ChatInput(text, null, understood));
        });
    }

    /** Logout: the conversation and everything said in it are forgotten at once. */
    public void close(Caller caller, String sessionId) {
        sessions.close(sessionId, caller);
    }

    private Understood understand(ChatSession session, String text) {
        LocalDate today = LocalDate.now(clock.withZone(schedulingConfig.timeZone()));
        Practice practice = Practice.of(directory.current(), schedulingConfig.visitTypes());
        return understander.understand(text, session.language(), practice, today,
                () -> scheduling.generalPractitioner(session.caller()));
    }
}
