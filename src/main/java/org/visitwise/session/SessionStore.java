package org.visitwise.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.visitwise.audit.AuditLog;
import org.visitwise.security.Caller;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * The conversations of this instance, in memory only. Ends them after the idle timeout or the
 * absolute lifetime (automatic logoff), on logout, and refuses new ones beyond capacity rather than
 * evicting anyone mid-conversation. Every start, end and expiry is audited, without content.
 */
@ApplicationScoped
public class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final SessionConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<SessionEnded> ended;

    SessionStore(SessionConfig config, AuditLog audit, Clock clock, Event<SessionEnded> ended, MeterRegistry metrics) {
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.ended = ended;
        Gauge.builder("visitwise.sessions.active", sessions, Map::size)
                .description("Conversations open now (held in memory)").register(metrics);
    }

    /** Opens a conversation for the caller, or refuses with 503 when at capacity. */
    public ChatSession open(Caller caller, Channel channel) {
        if (reserved.incrementAndGet() > config.capacity()) {
            reserved.decrementAndGet();
            throw new SessionProblems.Full();
        }
        ChatSession session = new ChatSession(newId(), caller, channel, clock.instant());
        sessions.put(session.id(), session);
        record(session, "session-start");
        return session;
    }

    /** The caller's live conversation; anyone else's, or an ended one, is "not found". */
    public ChatSession find(String id, Caller caller) {
        ChatSession session = sessions.get(id);
        if (session == null || !session.caller().subject().equals(caller.subject())) {
            throw new SessionProblems.NotFound();
        }
        if (caller.patientId() != null && !caller.patientId().equals(session.caller().patientId())) {
            // staff name the patient on every turn: never silently act for the conversation's other patient
            throw new SessionProblems.OtherPatient();
        }
        if (ended(session, clock.instant())) {
            end(session, "session-expired");
            throw new SessionProblems.NotFound();
        }
        return session;
    }

    /** Marks activity: the idle timeout starts again. */
    public void touch(ChatSession session) {
        session.touch(clock.instant());
    }

    /** Logout: the conversation and everything said in it are gone at once. */
    public void close(String id, Caller caller) {
        end(find(id, caller), "logout");
    }

    @Scheduled(every = "${visitwise.session.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        expire();
    }

    /** Ends every conversation past its idle timeout or lifetime; returns how many. */
    public int expire() {
        Instant now = clock.instant();
        int ended = 0;
        for (ChatSession session : sessions.values()) {
            if (ended(session, now) && end(session, "session-expired")) {
                ended++;
            }
        }
        return ended;
    }

    /** Conversations open now. */
    public int active() {
        return sessions.size();
    }

    public long idleTimeoutSeconds() {
        return config.idleTimeout().toSeconds();
    }

    /** Runs the work with the conversation to itself: one message at a time per conversation. */
    public <T> T exclusively(ChatSession session, java.util.function.Supplier<T> work) {
        session.lock().lock();
        try {
            return work.get();
        } finally {
            session.lock().unlock();
        }
    }

    private boolean ended(ChatSession session, Instant now) {
        return !session.lastActivity().plus(config.idleTimeout()).isAfter(now)
                || !session.createdAt().plus(config.maxLifetime()).isAfter(now);
    }

    private boolean end(ChatSession session, String why) {
        if (sessions.remove(session.id(), session)) {
            reserved.decrementAndGet();
            try {
                ended.fire(new SessionEnded(session));
            } finally {
                session.clear();
                record(session, why);
            }
            return true;
        }
        return false;
    }

    private void record(ChatSession session, String subtype) {
        Caller caller = session.caller();
        audit.event("session", subtype).action('E').actor(caller.subject(), caller.purpose().code())
                .session(session.id(), null).patient(caller.patientReference()).channel(session.channel().code())
                .record();
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "s-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
