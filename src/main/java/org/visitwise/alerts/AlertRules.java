package org.visitwise.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.visitwise.audit.AuditEvent;
import org.visitwise.audit.AuditOutcome;
import org.visitwise.ehr.ScopeDeniedException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The alert rules, fed with every audit event (in the order written, times from the events). They
 * see only what the audit stream holds: opaque subjects and pseudonyms, never PHI. Alerts themselves
 * (type {@code alert}) are not fed back.
 */
public final class AlertRules implements Consumer<AuditEvent> {

    /** An alert: which rule, about whom (a subject or a pseudonym; null for global rules), how many. */
    public record Alert(String rule, String subject, String client, int count, int threshold, Duration window) {
    }

    public static final String DISTINCT_PATIENTS = "distinct-patients";
    public static final String FAILED_LOGINS = "failed-logins";
    public static final String SCOPE_DENIALS = "scope-denials";
    public static final String EHR_ERRORS = "ehr-errors";
    private static final String GLOBAL = "*";

    private final Consumer<Alert> raise;
    private final Window patients;
    private final Window logins;
    private final Window denials;
    private final Window errors;

    public AlertRules(AlertConfig config, Consumer<Alert> raise) {
        this.raise = raise;
        this.patients = new Window(DISTINCT_PATIENTS, config.distinctPatients());
        this.logins = new Window(FAILED_LOGINS, config.failedLogins());
        this.denials = new Window(SCOPE_DENIALS, config.scopeDenials());
        this.errors = new Window(EHR_ERRORS, config.ehrErrors());
    }

    @Override
    public void accept(AuditEvent event) {
        if ("alert".equals(event.type())) {
            return;
        }
        Instant at = event.recorded();
        if (event.actor() != null && event.patient() != null) {
            patients.distinct(event.actor(), event.patient(), at).ifPresent(n -> fire(patients, event.actor(), null, n));
        }
        if ("login-failure".equals(event.subtype())) {
            String key = event.client() != null ? "client " + event.client() : event.actor() != null ? "subject " + event.actor() : null;
            if (key != null) {
                logins.count(key, at).ifPresent(n -> fire(logins, event.actor(), event.client(), n));
            }
        }
        if ("rest".equals(event.type()) && event.reason() != null && event.reason().startsWith(ScopeDeniedException.AUDIT_PREFIX)) {
            denials.count(GLOBAL, at).ifPresent(n -> fire(denials, null, null, n));
        }
        if ("rest".equals(event.type()) && event.outcome() == AuditOutcome.SERIOUS_FAILURE) {
            errors.count(GLOBAL, at).ifPresent(n -> fire(errors, null, null, n));
        }
    }

    private void fire(Window window, String subject, String client, int count) {
        raise.accept(new Alert(window.rule, subject, client, count, window.threshold, window.length));
    }

    /** Sliding windows per key, with a quiet period of one window after each alert. */
    private static final class Window {
        private final String rule;
        private final int threshold;
        private final Duration length;
        private final Cache<String, Deque<Entry>> keys;
        private final Cache<String, Instant> quiet;

        private record Entry(Instant at, String value) {
        }

        Window(String rule, AlertConfig.Rule config) {
            this.rule = rule;
            this.threshold = config.threshold();
            this.length = config.window();
            this.keys = Caffeine.newBuilder().expireAfterAccess(length).maximumSize(100_000).build();
            this.quiet = Caffeine.newBuilder().expireAfterWrite(length).maximumSize(100_000).build();
        }

        Optional<Integer> count(String key, Instant at) {
            return add(key, new Entry(at, null), entries -> entries.size());
        }

        Optional<Integer> distinct(String key, String value, Instant at) {
            return add(key, new Entry(at, value), entries -> {
                Set<String> values = new HashSet<>();
                entries.forEach(e -> values.add(e.value()));
                return values.size();
            });
        }

        private synchronized Optional<Integer> add(String key, Entry entry,
                ToIntFunction<Deque<Entry>> measure) {
            Deque<Entry> entries = keys.get(key, k -> new ArrayDeque<>());
            entries.addLast(entry);
            Instant from = entry.at().minus(length);
            while (!entries.isEmpty() && entries.peekFirst().at().isBefore(from)) {
                entries.removeFirst();
            }
            int n = measure.applyAsInt(entries);
            Instant quietUntil = quiet.getIfPresent(key);
            if (n > threshold && (quietUntil == null || !entry.at().isBefore(quietUntil))) {
                quiet.put(key, entry.at().plus(length));
                return Optional.of(n);
            }
            return Optional.empty();
        }
    }
}
