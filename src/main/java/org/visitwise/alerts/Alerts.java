package org.visitwise.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.visitwise.audit.AuditLog;
import org.visitwise.audit.AuditOutcome;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the alert rules on the audit stream. Each alert is an audit event of its own (type
 * {@code alert}, subtype the rule) for the SIEM, and counts in {@code visitwise_alerts_total{rule}}.
 * Other parts raise alerts of their own through {@link #raise} (e.g. audit forwarding overflow).
 */
@ApplicationScoped
public class Alerts {

    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final AlertConfig config;

    Alerts(AuditLog audit, MeterRegistry metrics, AlertConfig config) {
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        audit.addListener(new AlertRules(config, this::raise));
    }

    /** Records the alert as an audit event and counts it. */
    public void raise(AlertRules.Alert alert) {
        Counter.builder("visitwise.alerts").description("Alerts raised by the in-process rules")
                .tag("rule", alert.rule()).register(metrics).increment();
        audit.event("alert", alert.rule()).action('E').actor(alert.subject(), null).clientPseudonym(alert.client())
                .outcome(AuditOutcome.SERIOUS_FAILURE)
                .reason(alert.count() + " > " + alert.threshold() + " in " + alert.window().toMinutes() + " min")
                .record();
    }
}
