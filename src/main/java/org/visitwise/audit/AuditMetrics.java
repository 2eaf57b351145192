package org.visitwise.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Counts what the audit stream records: every event by type ({@code visitwise_audit_events_total}),
 * and the scheduling actions (holds, bookings, cancellations, reschedules) by action
 * ({@code visitwise_scheduling_actions_total}). Tags are fixed vocabularies, never ids.
 */
@ApplicationScoped
public class AuditMetrics {

    private final AuditLog audit;
    private final MeterRegistry metrics;
    // every audit event passes here: look each counter up once
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Counter> actions = new ConcurrentHashMap<>();

    AuditMetrics(AuditLog audit, MeterRegistry metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent started) {
        audit.addListener(this::count);
    }

    private void count(AuditEvent event) {
        events.computeIfAbsent(event.type(), type -> Counter.builder("visitwise.audit.events")
                .description("Audit events written").tag("type", type).register(metrics)).increment();
        if ("scheduling".equals(event.type())) {
            actions.computeIfAbsent(event.subtype(), action -> Counter.builder("visitwise.scheduling.actions")
                    .description("Holds, bookings, cancellations, reschedules").tag("action", action).register(metrics))
                    .increment();
        }
    }
}
