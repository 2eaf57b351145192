package org.visitwise.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.audit.AuditConfig;
import org.visitwise.audit.AuditLog;
import org.visitwise.audit.Pseudonymizer;
import org.visitwise.ehr.Purpose;
import org.visitwise.security.Caller;
import org.visitwise.support.TestClock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

@Tag("time-sensitive")
class SessionStoreTest {

    /** Starts at the run's instant (see {@link TestClock}), then moves only when a test says so. */
    private final MutableClock clock = new MutableClock(TestClock.now());
    private final List<SessionEnded> ended = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private final Caller alice = new Caller("subject-a", Purpose.PATIENT_SELF_SCHEDULING, "pat-001");
    private final Caller bob = new Caller("subject-b", Purpose.PATIENT_SELF_SCHEDULING, "pat-002");

    @Test
    void fullStoreRefusesNewConversationsAndKeepsTheOldOnes() {
        SessionStore store = store(2);
        ChatSession first = store.open(alice, Channel.WEB);
        store.open(bob, Channel.WEB);
        assertThrows(SessionProblems.Full.class, () -> store.open(alice, Channel.WEB));
        assertEquals(503, new SessionProblems.Full().toResponse().getStatus());
        assertEquals("60", new SessionProblems.Full().toResponse().getHeaderString("Retry-After"));
        assertSame(first, store.find(first.id(), alice), "nobody is evicted");
        store.close(first.id(), alice);
        store.open(alice, Channel.WEB);
    }

    @Test
    void idsAreRandomAndBoundToTheirSubject() {
        SessionStore store = store(10);
        ChatSession a = store.open(alice, Channel.WEB);
        ChatSession b = store.open(alice, Channel.WEB);
        assertNotEquals(a.id(), b.id());
        assertTrue(a.id().matches("s-[A-Za-z0-9_\\-]{22}"), "128 random bits");
        assertThrows(SessionProblems.NotFound.class, () -> store.find(a.id(), bob));
    }

    @Test
    void idleTimeoutAndAbsoluteLifetimeEndConversations() {
        SessionStore store = store(10);
        ChatSession s = store.open(alice, Channel.WEB);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(14));
            store.touch(store.find(s.id(), alice));
        }
        clock.advance(Duration.ofMinutes(5));
        assertThrows(SessionProblems.NotFound.class, () -> store.find(s.id(), alice), "61 minutes: lifetime over");
        assertEquals(1, ended.size(), "engines are told, to release holds");

        ChatSession t = store.open(alice, Channel.WEB);
        clock.advance(Duration.ofMinutes(15));
        assertEquals(1, store.expire());
        assertEquals(0, store.active());
        assertEquals(0.0, metrics.get("visitwise.sessions.active").gauge().value());
        assertThrows(SessionProblems.NotFound.class, () -> store.find(t.id(), alice));
    }

    private SessionStore store(int capacity) {
        SessionConfig config = new SessionConfig() {
            public Duration idleTimeout() {
                return Duration.ofMinutes(15);
            }

            public Duration maxLifetime() {
                return Duration.ofMinutes(60);
            }

            public int capacity() {
                return capacity;
            }

            public int maxMessageLength() {
                return 2000;
            }

            public String sweepInterval() {
                return "30s";
            }
        };
        AuditConfig auditConfig = new AuditConfig() {
            public String pseudonymKey() {
                return "k".repeat(32);
            }

            public String source() {
                return "test";
            }

            public int feedCapacity() {
                return 100;
            }

            public int feedNoiseCapacity() {
                return 10;
            }

            public java.nio.file.Path checkpointKey() {
                return org.visitwise.support.AuditKeys.checkpointKey();
            }

            public int checkpointEvery() {
                return 1000;
            }

            public String checkpointInterval() {
                return "5m";
            }
        };
        return new SessionStore(config, new AuditLog(auditConfig, new Pseudonymizer(auditConfig), clock), clock,
                new RecordingEvent(ended), metrics);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record RecordingEvent(List<SessionEnded> fired) implements Event<SessionEnded> {
        @Override
        public void fire(SessionEnded event) {
            fired.add(event);
        }

        @Override
        public <U extends SessionEnded> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SessionEnded> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<SessionEnded> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends SessionEnded> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SessionEnded> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
