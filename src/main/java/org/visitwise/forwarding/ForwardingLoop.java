package org.visitwise.forwarding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.visitwise.audit.AuditEvent;

/**
 * Sends the buffer batch by batch until it is empty or a send fails; after a failure the batch goes
 * back to the buffer and nothing is tried before the back-off has passed (the interval, doubling on
 * each further failure, up to a limit).
 */
final class ForwardingLoop {

    /** Sends one batch, or throws. */
    interface Sender {
        void send(List<AuditEvent> batch);
    }

    private final ForwardingBuffer buffer;
    private final Sender sender;
    private final int batchSize;
    private final Duration interval;
    private final Duration maxBackoff;
    private Duration backoff = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;

    ForwardingLoop(ForwardingBuffer buffer, Sender sender, int batchSize, Duration interval, Duration maxBackoff) {
        this.buffer = buffer;
        this.sender = sender;
        this.batchSize = batchSize;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    /** @return how many events were sent; 0 while backing off */
    synchronized int flush(Instant now) {
        if (now.isBefore(nextAttempt)) {
            return 0;
        }
        int sent = 0;
        List<AuditEvent> batch;
        while (!(batch = buffer.take(batchSize)).isEmpty()) {
            try {
                sender.send(batch);
            } catch (RuntimeException e) {
                int lost = buffer.putBack(batch);
                backoff = backoff.isZero() ? interval : backoff.multipliedBy(2);
                if (backoff.compareTo(maxBackoff) > 0) {
                    backoff = maxBackoff;
                }
                nextAttempt = now.plus(backoff);
                throw new ForwardingFailed(e, sent, lost, backoff);
            }
            sent += batch.size();
        }
        backoff = Duration.ZERO;
        nextAttempt = Instant.MIN;
        return sent;
    }

    /** A send failed: what was sent before it, what of the batch no longer fit back, and how long until the next attempt. */
    static final class ForwardingFailed extends RuntimeException {
        final int sent;
        final int lost;
        final Duration backoff;

        ForwardingFailed(RuntimeException cause, int sent, int lost, Duration backoff) {
            super(cause.getClass().getSimpleName(), cause, false, false);
            this.sent = sent;
            this.lost = lost;
            this.backoff = backoff;
        }
    }
}
