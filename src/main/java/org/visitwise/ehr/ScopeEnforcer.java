package org.visitwise.ehr;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Judges every FHIR request against the purpose's policy before it leaves the process, and every
 * answer of a patient-compartment request before it reaches the caller. Refusals are
 * {@link ScopeDeniedException}s; nothing here talks to the network.
 */
public final class ScopeEnforcer {

    private final ScopePolicy policy;

    public ScopeEnforcer(ScopePolicy policy) {
        this.policy = policy;
    }

    public void authorize(EhrCallContext ctx, FhirRequest request) {
        PurposePolicy p = policy.of(ctx.purpose());
        switch (request.interaction()) {
            case CAPABILITIES -> {
                // the server's CapabilityStatement carries no patient data: every purpose may read it
            }
            case TRANSACTION -> {
                Bundle bundle = (Bundle) request.body();
                if (bundle == null || bundle.getType() != Bundle.BundleType.TRANSACTION || bundle.getEntry().isEmpty()) {
                    throw deny(ctx, request, "not-a-transaction");
                }
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    FhirRequest entryRequest;
                    try {
                        entryRequest = TransactionEntries.toRequest(entry);
                    } catch (IllegalArgumentException e) {
                        throw deny(ctx, request, "invalid-transaction-entry");
                    }
                    authorize(ctx, entryRequest);
                }
            }
            default -> authorizeOne(ctx, p, request);
        }
    }

    private void authorizeOne(EhrCallContext ctx, PurposePolicy p, FhirRequest request) {
        String type = request.resourceType();
        if (type == null || !p.scopes().containsKey(type)) {
            throw deny(ctx, request, "resource-not-in-scope");
        }
        if (!p.permits(request.interaction(), type)) {
            throw deny(ctx, request, "interaction-not-in-scope");
        }
        if (request.interaction() == Interaction.SEARCH) {
            for (String name : request.params().keySet()) {
                if (!p.permitsSearchParameter(type, name)) {
                    throw deny(ctx, request, "search-parameter-not-allowed");
                }
            }
        }
        if (p.patientCompartment()) {
            authorizeCompartment(ctx, request);
        }
    }

    private void authorizeCompartment(EhrCallContext ctx, FhirRequest request) {
        String own = ctx.patientReference();
        if (own == null) {
            throw deny(ctx, request, "no-patient-context");
        }
        String type = request.resourceType();
        switch (request.interaction()) {
            case READ -> {
                if ("Patient".equals(type) && !ctx.patientId().equals(request.id())) {
                    throw deny(ctx, request, "outside-patient-compartment");
                }
            }
            case SEARCH -> {
                if ("Appointment".equals(type) && !namesOnly(request.params().get("patient"), own)) {
                    throw deny(ctx, request, "outside-patient-compartment");
                }
                if ("Patient".equals(type) && !namesOnly(request.params().get("_id"), ctx.patientId())) {
                    throw deny(ctx, request, "outside-patient-compartment");
                }
            }
            case CREATE, UPDATE -> {
                if (request.body() instanceof Appointment appointment && !patientsOf(appointment).equals(Set.of(own))) {
                    throw deny(ctx, request, "outside-patient-compartment");
                }
                if ("Patient".equals(type) && !ctx.patientId().equals(request.id())) {
                    throw deny(ctx, request, "outside-patient-compartment");
                }
            }
            default -> throw deny(ctx, request, "interaction-not-in-scope");
        }
    }

    /**
     * Checks what the EHR answered to a patient-compartment request: an Appointment or Patient that
     * is not the caller's is never handed back, even if the EHR ignored a search parameter.
     */
    public void authorizeResult(EhrCallContext ctx, FhirRequest request, Resource result) {
        if (!policy.of(ctx.purpose()).patientCompartment() || result == null) {
            return;
        }
        List<Resource> resources = result instanceof Bundle bundle
                ? bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null).toList()
                : List.of(result);
        for (Resource resource : resources) {
            if (resource instanceof Appointment appointment && !patientsOf(appointment).contains(ctx.patientReference())) {
                throw deny(ctx, request, "outside-patient-compartment");
            }
            if ("Patient".equals(resource.fhirType()) && !ctx.patientId().equals(resource.getIdElement().getIdPart())) {
                throw deny(ctx, request, "outside-patient-compartment");
            }
        }
    }

    private static boolean namesOnly(List<String> values, String expected) {
        if (values == null || values.size() != 1) {
            return false;
        }
        String value = values.get(0);
        return value.equals(expected) || ("Patient/" + value).equals(expected);
    }

    static Set<String> patientsOf(Appointment appointment) {
        return appointment.getParticipant().stream()
                .map(Appointment.AppointmentParticipantComponent::getActor)
                .map(Reference::getReference)
                .filter(ref -> ref != null && ref.startsWith("Patient/"))
                .collect(Collectors.toSet());
    }

    private static ScopeDeniedException deny(EhrCallContext ctx, FhirRequest request, String reason) {
        return new ScopeDeniedException(ctx.purpose(), request.interaction(), request.resourceType(), reason);
    }
}
