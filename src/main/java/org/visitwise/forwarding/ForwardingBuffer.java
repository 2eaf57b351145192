package org.visitwise.forwarding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.visitwise.audit.AuditEvent;

/**
 * The bounded buffer between the audit stream and the EHR. Adding never blocks: when full, the new
 * event is refused (and counted as dropped); a batch that could not be sent goes back to the front,
 * as much of it as fits. Thread-safe.
 */
final class ForwardingBuffer {

    private final int capacity;
    private final Deque<AuditEvent> events = new ArrayDeque<>();
    private long dropped;

    ForwardingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** @return false when the buffer is full and the event was dropped */
    synchronized boolean offer(AuditEvent event) {
        if (events.size() >= capacity) {
            dropped++;
            return false;
        }
        events.addLast(event);
        return true;
    }

    synchronized List<AuditEvent> take(int max) {
        List<AuditEvent> batch = new ArrayList<>(Math.min(max, events.size()));
        while (batch.size() < max && !events.isEmpty()) {
            batch.add(events.removeFirst());
        }
        return batch;
    }

    /**
     * Puts an unsent batch back in front, in order; what no longer fits (its oldest events) is dropped.
     *
     * @return how many were dropped
     */
    synchronized int putBack(List<AuditEvent> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (events.size() >= capacity) {
                dropped += i + 1;
                return i + 1;
            }
            events.addFirst(batch.get(i));
        }
        return 0;
    }

    synchronized int size() {
        return events.size();
    }

    synchronized long dropped() {
        return dropped;
    }
}
