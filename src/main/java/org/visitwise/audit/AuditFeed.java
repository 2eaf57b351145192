package org.visitwise.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The most recent audit events of this instance, in chain order, in a bounded buffer: the oldest are
 * dropped when it is full (the log stream is the durable copy). Each carries its position in the
 * instance's chain, so that a collector pages without missing events written late ({@code after=<seq>});
 * positions skip only the chain's checkpoint lines, so a larger jump means the collector fell behind
 * the buffer. PHI-free by construction.
 */
public final class AuditFeed {

    /** An event and its position in the chain. */
    public record Entry(long seq, @JsonUnwrapped AuditEvent event) {
    }

    private final int capacity;
    private final Deque<Entry> entries;

    AuditFeed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("feed capacity must be positive");
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    synchronized void append(long seq, AuditEvent event) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(seq, event));
    }

    /** Up to {@code limit} events recorded at or after {@code since}, in chain order. */
    public List<Entry> since(Instant since, int limit) {
        return select(e -> !e.event().recorded().isBefore(since), limit);
    }

    /** Position of the newest event held, or 0. */
    public synchronized long lastSeq() {
        return entries.isEmpty() ? 0 : entries.getLast().seq();
    }

    /** Up to {@code limit} events after chain position {@code seq}, in chain order. */
    public List<Entry> after(long seq, int limit) {
        return select(e -> e.seq() > seq, limit);
    }

    private synchronized List<Entry> select(Predicate<Entry> wanted, int limit) {
        List<Entry> found = new ArrayList<>(Math.min(limit, entries.size()));
        for (Entry entry : entries) {
            if (wanted.test(entry)) {
                found.add(entry);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }
}
