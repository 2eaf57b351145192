package org.visitwise.ehr;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Resource;

/**
 * One FHIR interaction the product wants to make, described before it is made so that the scope
 * policy can judge it.
 *
 * @param interaction  what is done
 * @param resourceType FHIR resource type (null for a transaction or capabilities)
 * @param id           logical id for read and update, else null
 * @param params       search parameters by name, each with its values (ANDed); empty when none
 * @param body         the resource sent (create, update, transaction), else null
 */
public record FhirRequest(Interaction interaction, String resourceType, String id,
        Map<String, List<String>> params, Resource body) {

    /**
     * A FHIR logical id ({@code [A-Za-z0-9\-.]{1,64}}), except one made only of dots: "." and ".." are
     * path segments, not ids, and would take a request out of the resource's path.
     */
    public static final String ID_REGEX = "(?!\\.+$)[A-Za-z0-9\\-.]{1,64}";

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    private static final Pattern ID = Pattern.compile(ID_REGEX);

    public FhirRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
        if (resourceType != null && !TYPE.matcher(resourceType).matches()) {
            throw new IllegalArgumentException("not a FHIR resource type");
        }
        if (id != null && !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a FHIR logical id");
        }
    }

    public static FhirRequest read(String resourceType, String id) {
        return new FhirRequest(Interaction.READ, resourceType, id, Map.of(), null);
    }

    public static FhirRequest search(String resourceType, Map<String, List<String>> params) {
        return new FhirRequest(Interaction.SEARCH, resourceType, null, params, null);
    }

    public static FhirRequest create(Resource body) {
        return new FhirRequest(Interaction.CREATE, body.fhirType(), null, Map.of(), body);
    }

    public static FhirRequest update(Resource body) {
        return new FhirRequest(Interaction.UPDATE, body.fhirType(), body.getIdElement().getIdPart(), Map.of(),
                body);
    }

    public static FhirRequest transaction(org.hl7.fhir.r4.model.Bundle bundle) {
        return new FhirRequest(Interaction.TRANSACTION, null, null, Map.of(), bundle);
    }

    public static FhirRequest capabilities() {
        return new FhirRequest(Interaction.CAPABILITIES, null, null, Map.of(), null);
    }
}
