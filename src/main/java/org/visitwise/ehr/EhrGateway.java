package org.visitwise.ehr;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Resource;
import org.visitwise.audit.AuditEventBuilder;
import org.visitwise.audit.AuditLog;
import org.visitwise.audit.AuditOutcome;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import io.quarkus.runtime.Startup;
import io.quarkus.tls.TlsConfigurationRegistry;

/**
 * The only door to the EHR. Every FHIR interaction of the product passes here: it is judged against
 * the scope policy before it leaves the process, sent over mutual TLS, parsed with HAPI FHIR, checked
 * again on the way back for patient-compartment purposes, and audited exactly once, allowed or not.
 */
@Startup
@ApplicationScoped
public class EhrGateway {

    private final FhirRestClient client;
    private final FhirContext fhir;
    private final ScopeEnforcer enforcer;
    private final AuditLog audit;
    private final EhrConfig config;
    private final EhrLink link;
    private final MeterRegistry metrics;

    EhrGateway(@RestClient FhirRestClient client, FhirContext fhir, AuditLog audit, EhrConfig config,
            TlsConfigurationRegistry tls, MeterRegistry metrics, EhrLink link) {
        this.link = link;
        if (!"https".equalsIgnoreCase(config.baseUrl().getScheme())) {
            throw new IllegalStateException("visitwise.ehr.base-url must be an https URL");
        }
        EhrTlsRequirements.check(tls.get(EhrTlsRequirements.CONFIGURATION_NAME));
        this.client = client;
        this.fhir = fhir;
        this.audit = audit;
        this.config = config;
        this.metrics = metrics;
        this.enforcer = new ScopeEnforcer(ScopePolicyLoader.load(config.scopesDirectory()));
    }

    /** The context of the agent's own calls, made without a user (e.g. the readiness check). */
    public EhrCallContext agentContext() {
        return new EhrCallContext(Purpose.EHR_SERVICE, config.agentId(), null, null, null);
    }

    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = EhrUnavailableException.class)
    public CapabilityStatement capabilities(EhrCallContext ctx) {
        return call(ctx, FhirRequest.capabilities(), client::capabilities, CapabilityStatement.class);
    }

    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = EhrUnavailableException.class)
    public <T extends Resource> T read(EhrCallContext ctx, Class<T> type, String id) {
        FhirRequest request = FhirRequest.read(fhir.getResourceType(type), id);
        return call(ctx, request, () -> client.read(request.resourceType(), request.id()), type);
    }

    /**
     * Searches one resource type. Each parameter's values are ANDed ({@code start=ge…&start=lt…});
     * {@code _count} is added when missing so that no search asks for more than needed. Every search
     * asks the EHR for fresh results ({@code Cache-Control: no-cache}): what the agent searches for is
     * live state (free slots, a booking made a moment ago), and a real server's search cache would
     * answer a retry with what was true before the booking.
     */
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = EhrUnavailableException.class)
    public Bundle search(EhrCallContext ctx, String resourceType, Map<String, List<String>> params) {
        Map<String, List<String>> withCount = new LinkedHashMap<>(params);
        withCount.putIfAbsent("_count", List.of(String.valueOf(config.defaultCount())));
        FhirRequest request = FhirRequest.search(resourceType, withCount);
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        request.params().forEach(query::addAll);
        return call(ctx, request, () -> client.search(request.resourceType(), query, "no-cache"), Bundle.class);
    }

    @SuppressWarnings("unchecked")
    public <T extends Resource> T create(EhrCallContext ctx, T resource) {
        FhirRequest request = FhirRequest.create(resource);
        return (T) call(ctx, request, () -> client.create(request.resourceType(), encode(resource)), resource.getClass());
    }

    /**
     * Updates a resource only if it is still at the version it was read at ({@code If-Match}); a
     * changed resource gives {@link EhrVersionConflictException} and nothing is written.
     */
    @SuppressWarnings("unchecked")
    public <T extends Resource> T update(EhrCallContext ctx, T resource) {
        FhirRequest request = FhirRequest.update(resource);
        String ifMatch = ifMatch(resource);
        return (T) call(ctx, request,
                () -> client.update(request.resourceType(), request.id(), ifMatch, encode(resource)), resource.getClass());
    }

    /** Sends a transaction Bundle, which the EHR applies all or nothing. */
    public Bundle transaction(EhrCallContext ctx, Bundle bundle) {
        FhirRequest request = FhirRequest.transaction(bundle);
        return call(ctx, request, () -> client.transaction(encode(bundle)), Bundle.class);
    }

    private <R extends Resource> R call(EhrCallContext ctx, FhirRequest request, Supplier<Response> send,
            Class<R> resultType) {
        AuditEventBuilder event = audit.event("rest", request.interaction().code())
                .action(request.interaction().auditAction())
                .actor(ctx.actor(), ctx.purpose().code())
                .session(ctx.sessionId(), ctx.correlationId())
                .entity(request.resourceType(), reference(request))
                .patient(patientOf(ctx, request))
                .queryParameters(new ArrayList<>(request.params().keySet()));
        try {
            enforcer.authorize(ctx, request);
        } catch (ScopeDeniedException e) {
            event.failure(AuditOutcome.MINOR_FAILURE, null, ScopeDeniedException.AUDIT_PREFIX + e.reason()).record();
            throw e;
        }
        R result;
        int status;
        Timer.Sample latency = Timer.start(metrics);
        String outcome = "unavailable";
        try (Response response = link.exchange(send)) {
            status = response.getStatus();
            outcome = status >= 400 ? "client-error" : "ok";
            if (status >= 400) {
                EhrException e = toException(request, status);
                event.failure(status >= 500 ? AuditOutcome.SERIOUS_FAILURE : AuditOutcome.MINOR_FAILURE, status,
                        e.reason()).record();
                throw e;
            }
            result = parse(resultType, response.readEntity(String.class), response.getEntityTag());
        } catch (EhrLink.ServerError e) {
            outcome = "server-error";
            EhrException failure = toException(request, e.status);
            event.failure(AuditOutcome.SERIOUS_FAILURE, e.status, failure.reason()).record();
            throw failure;
        } catch (CircuitBreakerOpenException | BulkheadException e) {
            // the EHR failed too often just now, or too many calls already wait on it: fail at once
            outcome = e instanceof CircuitBreakerOpenException ? "circuit-open" : "bulkhead-full";
            event.failure(AuditOutcome.SERIOUS_FAILURE, null, outcome).record();
            throw new EhrUnavailableException(what(request) + " (" + outcome + ")", 0, e.getClass());
        } catch (ProcessingException e) {
            event.failure(AuditOutcome.SERIOUS_FAILURE, null, "unavailable").record();
            throw new EhrUnavailableException(what(request), 0, rootCause(e).getClass());
        } catch (DataFormatException | ClassCastException e) {
            event.failure(AuditOutcome.SERIOUS_FAILURE, null, "invalid-response").record();
            throw new EhrUnavailableException(what(request) + " (unreadable answer)", 0, e.getClass());
        } finally {
            latency.stop(Timer.builder("visitwise.ehr.requests").description("FHIR requests to the EHR")
                    .tag("resource", request.resourceType() == null ? "none" : request.resourceType())
                    .tag("interaction", request.interaction().code()).tag("outcome", outcome)
                    .publishPercentileHistogram().register(metrics));
        }
        try {
            enforcer.authorizeResult(ctx, request, result);
        } catch (ScopeDeniedException e) {
            event.failure(AuditOutcome.MINOR_FAILURE, status, ScopeDeniedException.AUDIT_PREFIX + e.reason()).record();
            if (request.interaction() == Interaction.READ) {
                // never confirm that another patient's resource exists
                throw new EhrNotFoundException(request.resourceType(), 404);
            }
            throw e;
        }
        if (request.interaction() == Interaction.CREATE) {
            event.entity(request.resourceType(), request.resourceType() + "/" + result.getIdElement().getIdPart());
        }
        event.status(status).record();
        return result;
    }

    private <R extends Resource> R parse(Class<R> type, String body, EntityTag etag) {
        R resource = fhir.newJsonParser().parseResource(type, body);
        if (etag != null && !resource.getMeta().hasVersionId()) {
            resource.getMeta().setVersionId(etag.getValue());
        }
        return resource;
    }

    private String encode(Resource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    private static String ifMatch(Resource resource) {
        if (!resource.getMeta().hasVersionId()) {
            throw new IllegalArgumentException("update of " + resource.fhirType() + " without meta.versionId");
        }
        return "W/\"" + resource.getMeta().getVersionId() + "\"";
    }

    static EhrException toException(FhirRequest request, int status) {
        String what = what(request);
        return switch (status) {
            case 404, 410 -> new EhrNotFoundException(request.resourceType() == null ? "resource" : request.resourceType(),
                    status);
            case 409, 412 -> new EhrVersionConflictException(what, status);
            default -> status >= 500 ? new EhrUnavailableException(what, status, null)
                    : new EhrRejectedException(what, status);
        };
    }

    private static String what(FhirRequest request) {
        return request.interaction().code() + (request.resourceType() == null ? "" : " " + request.resourceType());
    }

    private static String reference(FhirRequest request) {
        return request.id() == null ? null : request.resourceType() + "/" + request.id();
    }

    private static String patientOf(EhrCallContext ctx, FhirRequest request) {
        if (ctx.patientReference() != null) {
            return ctx.patientReference();
        }
        if ("Patient".equals(request.resourceType()) && request.id() != null) {
            return "Patient/" + request.id();
        }
        List<String> patient = request.params().get("patient");
        if (patient != null && patient.size() == 1) {
            String value = patient.get(0);
            return value.startsWith("Patient/") ? value : "Patient/" + value;
        }
        if (request.body() instanceof Appointment appointment) {
            var patients = ScopeEnforcer.patientsOf(appointment);
            return patients.size() == 1 ? patients.iterator().next() : null;
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
