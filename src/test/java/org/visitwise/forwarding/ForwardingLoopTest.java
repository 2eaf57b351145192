package org.visitwise.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.visitwise.audit.AuditEvent;
import org.visitwise.audit.AuditOutcome;

/** The buffer never blocks and keeps order; failed batches come back and the EHR is given time. */
class ForwardingLoopTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final ForwardingBuffer buffer = new ForwardingBuffer(5);
    private final List<List<String>> sent = new ArrayList<>();
    private boolean ehrDown;
    private final ForwardingLoop loop = new ForwardingLoop(buffer, batch -> {
        if (ehrDown) {
            throw new IllegalStateException("EHR down");
        }
        sent.add(batch.stream().map(AuditEvent::correlationId).toList());
    }, 2, Duration.ofSeconds(30), Duration.ofMinutes(2));

    @Test
    void aFullBufferRefusesWithoutBlockingAndCountsTheDrop() {
        for (int i = 0; i < 5; i++) {
            assertTrue(buffer.offer(event(i)));
        }
        assertFalse(buffer.offer(event(5)));
        assertEquals(1, buffer.dropped());
        assertEquals(5, buffer.size());
    }

    @Test
    void batchesGoOutInOrder() {
        for (int i = 0; i < 5; i++) {
            buffer.offer(event(i));
        }
        assertEquals(5, loop.flush(T0));
        assertEquals(List.of(List.of("c0", "c1"), List.of("c2", "c3"), List.of("c4")), sent);
        assertEquals(0, buffer.size());
    }

    @Test
    void aFailedBatchComesBackAndTheNextAttemptWaitsLongerEachTime() {
        for (int i = 0; i < 3; i++) {
            buffer.offer(event(i));
        }
        ehrDown = true;
        ForwardingLoop.ForwardingFailed first = assertThrows(ForwardingLoop.ForwardingFailed.class, () -> loop.flush(T0));
        assertEquals(Duration.ofSeconds(30), first.backoff);
        assertEquals(3, buffer.size(), "nothing lost");
        assertEquals(0, loop.flush(T0.plusSeconds(10)), "backing off: not tried");
        ForwardingLoop.ForwardingFailed second = assertThrows(ForwardingLoop.ForwardingFailed.class,
                () -> loop.flush(T0.plusSeconds(31)));
        assertEquals(Duration.ofSeconds(60), second.backoff);
        ForwardingLoop.ForwardingFailed third = assertThrows(ForwardingLoop.ForwardingFailed.class,
                () -> loop.flush(T0.plusSeconds(100)));
        assertEquals(Duration.ofMinutes(2), third.backoff);
        ForwardingLoop.ForwardingFailed capped = assertThrows(ForwardingLoop.ForwardingFailed.class,
                () -> loop.flush(T0.plusSeconds(300)));
        assertEquals(Duration.ofMinutes(2), capped.backoff, "capped");

        ehrDown = false;
        assertEquals(3, loop.flush(T0.plusSeconds(500)));
        assertEquals(List.of(List.of("c0", "c1"), List.of("c2")), sent, "in the original order");
    }

    @Test
    void whatNoLongerFitsAfterAFailureIsDroppedFromTheOldestEnd() {
        for (int i = 0; i < 3; i++) {
            buffer.offer(event(i));
        }
        List<AuditEvent> batch = buffer.take(2);
        buffer.offer(event(3));
        buffer.offer(event(4));
        buffer.offer(event(5));
        assertEquals(1, buffer.putBack(batch), "reported, so that it is counted and alerted");
        assertEquals(5, buffer.size());
        assertEquals(1, buffer.dropped(), "c0 no longer fit");
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5"), buffer.take(5).stream().map(AuditEvent::correlationId).toList());
    }

    static AuditEvent event(int i) {
        return new AuditEvent(T0.plusSeconds(i), "rest", "read", "R", AuditOutcome.SUCCESS, "subject-1", "patient",
                "patient-self-scheduling", "s-1", "Slot", "hmac:0123", "hmac:4567", List.of("status"), 200, null, "test",
                "c" + i, null, null);
    }
}
