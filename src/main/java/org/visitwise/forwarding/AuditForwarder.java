package org.visitwise.forwarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hl7.fhir.r4.model.Bundle;
import org.visitwise.alerts.AlertRules;
import org.visitwise.alerts.Alerts;
import org.visitwise.audit.AuditEvent;
import org.visitwise.audit.AuditLog;
import org.visitwise.ehr.EhrCallContext;
import org.visitwise.ehr.EhrConfig;
import org.visitwise.ehr.EhrGateway;
import org.visitwise.ehr.Purpose;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Forwards the audit stream to the EHR as FHIR AuditEvent resources, when enabled: events wait in a
 * bounded buffer and go out in transaction Bundles on a timer, through the EHR gateway (scope-checked,
 * mutual TLS, itself audited under the agent's identity). A failed batch goes back to the buffer and
 * the next attempt waits twice as long (up to a limit). A full buffer never blocks anyone: the event
 * is not forwarded (it is still in the log stream), the drop is counted, and an alert is raised.
 */
@ApplicationScoped
public class AuditForwarder {

    static final String OVERFLOW = "audit-forwarding-overflow";

    private final ForwardingConfig config;
    private final Alerts alerts;
    private final AuditLog audit;
    private final Clock clock;
    private final ForwardingBuffer buffer;
    private final EhrCallContext context;
    private final Counter forwarded;
    private final Counter dropped;
    private final ForwardingLoop loop;
    private volatile Instant lastOverflowAlert = Instant.MIN;

    AuditForwarder(ForwardingConfig config, EhrGateway gateway, Alerts alerts, AuditLog audit, Clock clock,
            EhrConfig ehr, MeterRegistry metrics) {
        this.config = config;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        // the forwarder's own FHIR calls are audited under this actor, and not forwarded again
        this.context = new EhrCallContext(Purpose.EHR_SERVICE, ehr.agentId() + ":audit-forwarder", null, null, null);
        this.buffer = new ForwardingBuffer(config.capacity());
        this.loop = new ForwardingLoop(buffer, batch -> gateway.transaction(context, bundle(batch)), config.batchSize(),
                config.interval(), config.maxBackoff());
        this.forwarded = Counter.builder("visitwise.audit.forwarding.sent").description("Audit events forwarded to the EHR")
                .register(metrics);
        this.dropped = Counter.builder("visitwise.audit.forwarding.dropped")
                .description("Audit events not forwarded because the buffer was full").register(metrics);
        Gauge.builder("visitwise.audit.forwarding.buffered", buffer, ForwardingBuffer::size)
                .description("Audit events waiting to be forwarded").register(metrics);
    }

    void start(@Observes StartupEvent started) {
        if (config.enabled()) {
            audit.addListener(this::offer);
        }
    }

    void offer(AuditEvent event) {
        if (context.actor().equals(event.actor()) || "alert".equals(event.type()) && OVERFLOW.equals(event.subtype())) {
            return;
        }
        if (!buffer.offer(event)) {
            overflow(1);
        }
    }

    /** Events lost to a full buffer: counted, and alerted at most once a minute. */
    private void overflow(int lost) {
        dropped.increment(lost);
        Instant now = clock.instant();
        if (lastOverflowAlert.isBefore(now.minus(Duration.ofMinutes(1)))) {
            lastOverflowAlert = now;
            alerts.raise(new AlertRules.Alert(OVERFLOW, null, null, buffer.size(), config.capacity(), Duration.ofMinutes(1)));
        }
    }

    @Scheduled(every = "${visitwise.audit.forwarding.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        if (config.enabled()) {
            flush();
        }
    }

    /** Sends what is buffered, batch by batch, until empty or the EHR fails; returns how many were sent. */
    public int flush() {
        try {
            int sent = loop.flush(clock.instant());
            forwarded.increment(sent);
            return sent;
        } catch (ForwardingLoop.ForwardingFailed e) {
            forwarded.increment(e.sent);
            if (e.lost > 0) {
                overflow(e.lost);
            }
            Log.warnf("audit forwarding to the EHR failed (%s); %d events buffered, next attempt in %s",
                    e.getMessage(), buffer.size(), e.backoff);
            return e.sent;
        }
    }

    private static Bundle bundle(List<AuditEvent> batch) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (AuditEvent event : batch) {
            bundle.addEntry().setResource(FhirAuditEvents.of(event)).getRequest().setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("AuditEvent");
        }
        return bundle;
    }
}
