package org.visitwise.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.visitwise.api.CurrentRequest;
import org.visitwise.audit.AuditLog;
import org.visitwise.audit.AuditOutcome;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The abuse limits ({@link LimitsConfig}), one token bucket (Bucket4j) per limit and caller, on the
 * application's clock. A refusal is counted in {@code visitwise.limits.refused{limit}} every time and
 * audited once per burst: the first refusal after the caller was last let through. Keys (a token
 * subject, a patient id, a conversation id, a client address) stay in this instance's memory, in a
 * bounded cache; they are never logged, and audit events carry only the pseudonymous actor and client.
 */
@ApplicationScoped
public class RateLimits {

    private record Tracked(Bucket bucket, AtomicBoolean refusing) {
    }

    private final LimitsConfig config;
    private final AuditLog audit;
    private final TimeMeter time;
    private final Map<Limit, Cache<String, Tracked>> buckets = new EnumMap<>(Limit.class);
    private final Map<Limit, Counter> refused = new EnumMap<>(Limit.class);

    RateLimits(LimitsConfig config, AuditLog audit, Clock clock, MeterRegistry metrics) {
        this.config = config;
        this.audit = audit;
        this.time = new ClockTime(clock);
        for (Limit limit : Limit.values()) {
            buckets.put(limit, Caffeine.newBuilder().maximumSize(config.maxTracked())
                    .expireAfterAccess(limit.per(config).multipliedBy(2)).build());
            refused.put(limit, Counter.builder("visitwise.limits.refused").tag("limit", limit.code())
                    .description("Requests refused for going beyond an abuse limit").register(metrics));
        }
    }

    /**
     * Takes one from {@code key}'s allowance under {@code limit}, or refuses with 429. A request with no
     * key (no client address known) is not limited by it.
     *
     * @param actor the verified subject to audit a refusal under, or null
     */
    public void consume(Limit limit, String key, String actor) {
        if (key == null) {
            return;
        }
        Tracked tracked = tracked(limit, key);
        ConsumptionProbe probe = tracked.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            tracked.refusing().set(false);
            return;
        }
        refuse(limit, tracked, actor);
        throw new LimitExceededException(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Counts one occurrence against {@code key} (a failed authentication) without refusing anything
     * now; {@link #exhausted} then says when the allowance is spent.
     */
    public void count(Limit limit, String key) {
        if (key != null) {
            tracked(limit, key).bucket().tryConsume(1);
        }
    }

    /**
     * How long until {@code key} has an allowance again under {@code limit}, if it has none now: the
     * request is then refused (counted, and audited once per burst).
     */
    public Optional<Duration> exhausted(Limit limit, String key) {
        Tracked tracked = key == null ? null : buckets.get(limit).getIfPresent(key);
        if (tracked == null) {
            return Optional.empty();
        }
        long wait = tracked.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill();
        if (wait <= 0) {
            tracked.refusing().set(false);
            return Optional.empty();
        }
        refuse(limit, tracked, null);
        return Optional.of(Duration.ofNanos(wait));
    }

    private Tracked tracked(Limit limit, String key) {
        return buckets.get(limit).get(key, k -> new Tracked(Bucket.builder()
                .addLimit(l -> l.capacity(limit.count(config)).refillGreedy(limit.count(config), limit.per(config)))
                .withCustomTimePrecision(time).build(), new AtomicBoolean()));
    }

    private void refuse(Limit limit, Tracked tracked, String actor) {
        refused.get(limit).increment();
        if (tracked.refusing().compareAndSet(false, true)) {
            audit.event("security", "rate-limited").action('E').actor(actor, null).client(CurrentRequest.clientAddress())
                    .failure(AuditOutcome.MINOR_FAILURE, 429, "limit:" + limit.code()).record();
        }
    }

    /** Bucket4j's time, from the application's one clock (which tests move). */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
