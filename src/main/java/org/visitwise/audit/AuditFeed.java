package org.visitwise.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The most recent audit events of this instance, in chain order, in bounded buffers: the oldest are
 * dropped when one is full (the log stream is the durable copy). Refusals of requests without an
 * identity (failed logins, anonymous denials) have a buffer of their own, so that anyone on the
 * network, by sending bad tokens, can push out only other such refusals, never the accesses and
 * changes the breach report and collectors rely on. Each event carries its position in the instance's
 * chain, so that a collector pages without missing events written late ({@code after=<seq>});
 * positions skip only the chain's checkpoint lines, so a larger jump means the collector fell behind a
 * buffer. PHI-free by construction.
 */
public final class AuditFeed {

    /** An event and its position in the chain. */
    public record Entry(long seq, @JsonUnwrapped AuditEvent event) {
    }

    private final Ring events;
    private final Ring noise;

    AuditFeed(int capacity, int noiseCapacity) {
        this.events = new Ring(capacity);
        this.noise = new Ring(noiseCapacity);
    }

    synchronized void append(long seq, AuditEvent event) {
        (isNoise(event) ? noise : events).add(new Entry(seq, event));
    }

    /** A refusal of a request that carried no verified identity. */
    static boolean isNoise(AuditEvent event) {
        return "security".equals(event.type()) && event.actor() == null;
    }

    /** Up to {@code limit} events recorded at or after {@code since}, in chain order. */
    public List<Entry> since(Instant since, int limit) {
        return select(e -> !e.event().recorded().isBefore(since), limit);
    }

    /** Position of the newest event held, or 0. */
    public synchronized long lastSeq() {
        return Math.max(events.lastSeq(), noise.lastSeq());
    }

    /** Up to {@code limit} events after chain position {@code seq}, in chain order. */
    public List<Entry> after(long seq, int limit) {
        return select(e -> e.seq() > seq, limit);
    }

    private synchronized List<Entry> select(Predicate<Entry> wanted, int limit) {
        List<Entry> found = new ArrayList<>(Math.min(limit, events.size() + noise.size()));
        Iterator<Entry> a = events.iterator();
        Iterator<Entry> b = noise.iterator();
        Entry x = next(a);
        Entry y = next(b);
        while ((x != null || y != null) && found.size() < limit) {
            Entry first;
            if (y == null || (x != null && x.seq() < y.seq())) {
                first = x;
                x = next(a);
            } else {
                first = y;
                y = next(b);
            }
            if (wanted.test(first)) {
                found.add(first);
            }
        }
        return found;
    }

    private static Entry next(Iterator<Entry> entries) {
        return entries.hasNext() ? entries.next() : null;
    }

    /** A bounded buffer, in chain order. */
    private static final class Ring implements Iterable<Entry> {

        private final int capacity;
        private final Deque<Entry> entries;

        Ring(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("feed capacity must be positive");
            }
            this.capacity = capacity;
            this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
        }

        void add(Entry entry) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }

        long lastSeq() {
            return entries.isEmpty() ? 0 : entries.getLast().seq();
        }

        int size() {
            return entries.size();
        }

        @Override
        public Iterator<Entry> iterator() {
            return entries.iterator();
        }
    }
}
