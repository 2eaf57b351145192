package org.visitwise.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent audit events of this instance, oldest first, in a bounded buffer: the oldest are
 * dropped when it is full (the log stream is the durable copy). Events are PHI-free by construction.
 */
public final class AuditFeed {

    private final int capacity;
    private final Deque<AuditEvent> events;

    AuditFeed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("feed capacity must be positive");
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    synchronized void append(AuditEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** Up to {@code limit} events recorded at or after {@code since}, oldest first. */
    public synchronized List<AuditEvent> since(Instant since, int limit) {
        List<AuditEvent> found = new ArrayList<>(Math.min(limit, events.size()));
        for (AuditEvent event : events) {
            if (!event.recorded().isBefore(since)) {
                found.add(event);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }
}
