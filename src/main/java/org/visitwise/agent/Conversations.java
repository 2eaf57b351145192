package org.visitwise.agent;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.visitwise.api.InvalidRequestException;
import org.visitwise.scheduling.PracticeDirectory;
import org.visitwise.security.Caller;
import org.visitwise.session.Channel;
import org.visitwise.session.ChatSession;
import org.visitwise.session.SessionConfig;
import org.visitwise.session.SessionStore;

/**
 * Conversations, whoever carries them: the chat page (patients, front desk) and the EHR relaying a
 * patient's SMS or voice turns. One turn at a time per conversation; guardrails before any engine.
 */
@ApplicationScoped
public class Conversations {

    /** A new conversation. */
    public record Opened(String sessionId, long idleTimeoutSeconds, String reply, List<QuickReply> options) {
    }

    private final SessionStore sessions;
    private final EngineSelector engines;
    private final SessionConfig config;
    private final PracticeDirectory directory;
    private final MeterRegistry metrics;
    private final Guardrails guardrails;

    Conversations(SessionStore sessions, EngineSelector engines, SessionConfig config, PracticeDirectory directory,
            MeterRegistry metrics, Guardrails guardrails) {
        this.guardrails = guardrails;
        this.sessions = sessions;
        this.engines = engines;
        this.config = config;
        this.directory = directory;
        this.metrics = metrics;
    }

    public Opened open(Caller caller, Channel channel) {
        ChatSession session = sessions.open(caller, channel);
        ChatReply greeting = sessions.exclusively(session, () -> engines.engine().start(session));
        return new Opened(session.id(), sessions.idleTimeoutSeconds(), greeting.reply(), greeting.options());
    }

    /** One turn: {@code text} or {@code choice}, exactly one. */
    public ChatReply say(Caller caller, String sessionId, String text, String choice) {
        if ((text == null) == (choice == null)) {
            throw new InvalidRequestException("Send either text or choice.");
        }
        if (text != null && text.length() > config.maxMessageLength()) {
            throw new MessageTooLongException(config.maxMessageLength());
        }
        ChatSession session = sessions.find(sessionId, caller);
        Counter.builder("visitwise.conversation.turns").description("Patient turns handled")
                .tag("channel", session.channel().code()).register(metrics).increment();
        return sessions.exclusively(session, () -> {
            sessions.touch(session);
            Optional<ChatReply> guarded = guardrails.check(text, directory.current().practicePhone());
            return guarded.orElseGet(() -> engines.engine().handle(session, new ChatInput(text, choice)));
        });
    }

    /** Logout: the conversation and everything said in it are forgotten at once. */
    public void close(Caller caller, String sessionId) {
        sessions.close(sessionId, caller);
    }
}
