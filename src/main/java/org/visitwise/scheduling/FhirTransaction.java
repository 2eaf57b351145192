package org.visitwise.scheduling;

import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds a FHIR transaction Bundle and reads ids and versions back from the answer (from
 * {@code response.location} and {@code response.etag}, which every server fills, rather than from
 * returned bodies, which some servers omit).
 */
final class FhirTransaction {

    private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);

    /** Adds a create; returns the {@code urn:uuid} other entries may reference it by. */
    String create(Resource resource) {
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        return fullUrl;
    }

    /** Adds an update guarded by the version the resource was read or written at. */
    void update(Resource resource, String version) {
        String ref = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        Resource body = resource.copy();
        body.setId(ref);
        body.setMeta(null);
        bundle.addEntry().setFullUrl(ref).setResource(body).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(ref)
                .setIfMatch("W/\"" + version + "\"");
    }

    Bundle bundle() {
        return bundle;
    }

    /** The id the server gave the resource of entry {@code index}. */
    static String id(Bundle response, int index) {
        String[] parts = location(response, index).split("/");
        return parts[parts.length >= 4 && "_history".equals(parts[parts.length - 2]) ? parts.length - 3 : parts.length - 1];
    }

    /** The version of the resource of entry {@code index} after the transaction. */
    static String version(Bundle response, int index) {
        Bundle.BundleEntryResponseComponent r = response.getEntry().get(index).getResponse();
        if (r.hasEtag()) {
            return r.getEtag().replace("W/", "").replace("\"", "");
        }
        String[] parts = location(response, index).split("/");
        if (parts.length >= 2 && "_history".equals(parts[parts.length - 2])) {
            return parts[parts.length - 1];
        }
        throw new IllegalStateException("transaction response entry " + index + " has no version");
    }

    private static String location(Bundle response, int index) {
        String location = response.getEntry().get(index).getResponse().getLocation();
        if (location == null) {
            throw new IllegalStateException("transaction response entry " + index + " has no location");
        }
        int base = location.indexOf("/fhir/");
        return base >= 0 ? location.substring(base + "/fhir/".length()) : location;
    }
}
