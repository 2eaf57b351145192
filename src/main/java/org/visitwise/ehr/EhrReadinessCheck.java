package org.visitwise.ehr;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hl7.fhir.r4.model.CapabilityStatement;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Ready when the EHR answers {@code GET [base]/metadata} over mutual TLS with an R4
 * CapabilityStatement (the scope policy was already loaded when the gateway started). The answer is
 * reused for {@code visitwise.ehr.readiness-cache}, and only one probe at a time asks: anonymous
 * probes cannot make the agent call the EHR (and write audit lines) at a rate of their choosing. While
 * the EHR's circuit breaker is open the agent is not ready, without asking; once it lets trial calls
 * through, readiness asks at once.
 */
@Readiness
@ApplicationScoped
public class EhrReadinessCheck implements HealthCheck {

    private record Answer(HealthCheckResponse response, Instant asked) {
    }

    private final EhrGateway gateway;
    private final EhrConfig config;
    private final Clock clock;
    private volatile Answer last;

    EhrReadinessCheck(EhrGateway gateway, EhrConfig config, Clock clock) {
        this.gateway = gateway;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        CircuitBreakerState circuit = CircuitBreakerMaintenance.get().currentState(EhrLink.CIRCUIT);
        if (circuit == CircuitBreakerState.OPEN) {
            // the EHR failed too often just now: not ready, and not asked until the breaker lets calls through
            return HealthCheckResponse.named("ehr").down().withData("reason", "circuit-open").build();
        }
        Answer answer = last;
        // half open, the breaker lets trial calls through: ask now (no traffic reaches a pod that is not
        // ready, so readiness may be the only caller that can close the circuit again)
        if (circuit == CircuitBreakerState.CLOSED && fresh(answer)) {
            return answer.response();
        }
        synchronized (this) {
            if (circuit != CircuitBreakerState.CLOSED || !fresh(last)) {
                last = new Answer(ask(), clock.instant());
            }
            return last.response();
        }
    }

    private boolean fresh(Answer answer) {
        return answer != null && answer.asked().plus(config.readinessCache()).isAfter(clock.instant());
    }

    private HealthCheckResponse ask() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ehr");
        try {
            CapabilityStatement capabilities = gateway.capabilities(gateway.agentContext());
            String version = capabilities.getFhirVersion() == null ? "unknown" : capabilities.getFhirVersion().toCode();
            return response.status(version.startsWith("4.0"))
                    .withData("fhirVersion", version)
                    .withData("software", capabilities.getSoftware().getName() == null ? "unknown"
                            : capabilities.getSoftware().getName())
                    .withData("scopePolicy", "loaded")
                    .build();
        } catch (EhrException e) {
            return response.down().withData("reason", e.reason()).build();
        }
    }
}
