package org.visitwise.ehr;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Ready when the EHR answers {@code GET [base]/metadata} over mutual TLS with an R4
 * CapabilityStatement (the scope policy was already loaded when the gateway started).
 */
@Readiness
@ApplicationScoped
public class EhrReadinessCheck implements HealthCheck {

    private final EhrGateway gateway;

    EhrReadinessCheck(EhrGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public HealthCheckResponse call() {
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
