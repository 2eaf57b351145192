package org.visitwise.ehr;

import java.util.Map;
import java.util.Set;

/**
 * What one purpose of use may do, as loaded from {@code scopes/<purpose>.yaml}.
 *
 * @param purpose      the purpose
 * @param context      the SMART context shared by all its scopes: patient, user or system
 * @param scopes       resource type to its scope
 * @param searchParams resource type to the search parameter names it may be queried with
 */
public record PurposePolicy(Purpose purpose, String context, Map<String, SmartScope> scopes,
        Map<String, Set<String>> searchParams) {

    public PurposePolicy {
        scopes = Map.copyOf(scopes);
        searchParams = Map.copyOf(searchParams);
    }

    /** True when the patient compartment binds every request of this purpose. */
    public boolean patientCompartment() {
        return "patient".equals(context);
    }

    public boolean permits(Interaction interaction, String resourceType) {
        SmartScope scope = scopes.get(resourceType);
        return scope != null && scope.permits(interaction.permission());
    }

    public boolean permitsSearchParameter(String resourceType, String name) {
        return searchParams.getOrDefault(resourceType, Set.of()).contains(name);
    }
}
