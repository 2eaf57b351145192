package org.visitwise.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;

/**
 * The sandbox EHR's data and its FHIR semantics: versioned reads, searches, creates, updates with
 * {@code If-Match} (412 on a stale version) and transactions applied all or nothing. Every method
 * is serialised on the store, and callers only ever see copies. Dev/test code.
 */
public final class SandboxStore {

    private final FhirContext fhir;
    private final Clock clock;
    private Map<String, Map<String, Resource>> data = new HashMap<>();
    private long nextId = 1;

    public SandboxStore(FhirContext fhir, Clock clock) {
        this.fhir = fhir;
        this.clock = clock;
    }

    /** Replaces all data with the given resources, each at version 1. */
    public synchronized void load(List<? extends Resource> resources) {
        Map<String, Map<String, Resource>> fresh = new HashMap<>();
        for (Resource r : resources) {
            Resource copy = r.copy();
            stamp(copy, 1);
            fresh.computeIfAbsent(copy.fhirType(), t -> new TreeMap<>()).put(copy.getIdElement().getIdPart(), copy);
        }
        data = fresh;
        nextId = 1;
    }

    public synchronized Resource read(String type, String id) {
        requireType(type);
        Resource r = data.getOrDefault(type, Map.of()).get(id);
        if (r == null) {
            throw FhirError.notFound("Resource " + type + "/" + id + " is not known");
        }
        return r.copy();
    }

    /** All matches in server order; the caller applies {@code _count}. */
    public synchronized List<Resource> search(String type, Map<String, List<String>> params) {
        requireType(type);
        return SandboxSearch.search(type, data.getOrDefault(type, Map.of()).values().stream(), params).stream()
                .map(Resource::copy).toList();
    }

    public synchronized Resource create(Resource resource) {
        requireType(resource.fhirType());
        Resource copy = resource.copy();
        copy.setIdElement(null); // the server assigns ids on create
        Resource created = createIn(data, copy);
        return created.copy();
    }

    public synchronized Resource update(String type, String id, Resource resource, String ifMatch) {
        requireType(type);
        return updateIn(data, type, id, resource.copy(), ifMatch).copy();
    }

    /**
     * Applies a transaction Bundle all or nothing: entries are applied to a staged copy of the data
     * (POSTs, then PUTs, then GETs, as FHIR orders them), which replaces the data only when every
     * entry succeeded. {@code urn:uuid} references to created resources are resolved.
     */
    public synchronized Bundle transaction(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw FhirError.badRequest("Only transaction Bundles are processed at the base URL");
        }
        Map<String, Map<String, Resource>> staged = new HashMap<>();
        data.forEach((type, byId) -> staged.put(type, new TreeMap<>(byId)));
        long idBefore = nextId;
        try {
            List<Bundle.BundleEntryComponent> entries = bundle.copy().getEntry();
            Map<String, String> assigned = assignIds(entries);
            entries.forEach(e -> resolveReferences(e.getResource(), assigned));
            Bundle.BundleEntryComponent[] responses = new Bundle.BundleEntryComponent[entries.size()];
            for (Bundle.HTTPVerb verb : List.of(Bundle.HTTPVerb.POST, Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.GET)) {
                for (int i = 0; i < entries.size(); i++) {
                    Bundle.BundleEntryComponent entry = entries.get(i);
                    if (entry.getRequest().getMethod() == verb) {
                        responses[i] = apply(staged, entry);
                    }
                }
            }
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] == null) {
                    throw FhirError.badRequest("Transaction entry " + i + " has an unsupported method");
                }
            }
            data = staged;
            Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
            for (Bundle.BundleEntryComponent r : responses) {
                response.addEntry(r);
            }
            return response;
        } catch (RuntimeException e) {
            nextId = idBefore;
            throw e;
        }
    }

    private Map<String, String> assignIds(List<Bundle.BundleEntryComponent> entries) {
        Map<String, String> assigned = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : entries) {
            if (entry.getRequest().getMethod() == Bundle.HTTPVerb.POST) {
                Resource resource = entry.getResource();
                if (resource == null) {
                    throw FhirError.badRequest("Transaction POST entry without a resource");
                }
                resource.setId(newId(resource.fhirType()));
                if (entry.hasFullUrl()) {
                    assigned.put(entry.getFullUrl(), resource.fhirType() + "/" + resource.getIdElement().getIdPart());
                }
            }
        }
        return assigned;
    }

    private void resolveReferences(Resource resource, Map<String, String> assigned) {
        if (resource == null || assigned.isEmpty()) {
            return;
        }
        for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String target = assigned.get(ref.getReference());
            if (target != null) {
                ref.setReference(target);
            }
        }
    }

    private Bundle.BundleEntryComponent apply(Map<String, Map<String, Resource>> target,
            Bundle.BundleEntryComponent entry) {
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        String[] path = request.getUrl().split("\\?")[0].split("/");
        String type = path[0];
        requireType(type);
        Bundle.BundleEntryComponent result = new Bundle.BundleEntryComponent();
        Resource written;
        switch (request.getMethod()) {
            case POST -> {
                requireSameType(type, entry.getResource());
                written = createIn(target, entry.getResource());
                result.getResponse().setStatus("201 Created");
            }
            case PUT -> {
                if (path.length != 2) {
                    throw FhirError.badRequest("Transaction PUT needs Type/id");
                }
                written = updateIn(target, type, path[1], entry.getResource(), request.getIfMatch());
                result.getResponse().setStatus("200 OK");
            }
            case GET -> {
                if (path.length != 2) {
                    throw FhirError.badRequest("Transaction GET supports reads only");
                }
                Resource found = target.getOrDefault(type, Map.of()).get(path[1]);
                if (found == null) {
                    throw FhirError.notFound("Resource " + type + "/" + path[1] + " is not known");
                }
                written = found;
                result.getResponse().setStatus("200 OK");
            }
            default -> throw FhirError.badRequest("Unsupported transaction method");
        }
        result.setFullUrl(written.fhirType() + "/" + written.getIdElement().getIdPart());
        result.setResource(written.copy());
        result.getResponse()
                .setLocation(written.fhirType() + "/" + written.getIdElement().getIdPart() + "/_history/"
                        + written.getMeta().getVersionId())
                .setEtag("W/\"" + written.getMeta().getVersionId() + "\"")
                .setLastModified(written.getMeta().getLastUpdated());
        return result;
    }

    private Resource createIn(Map<String, Map<String, Resource>> target, Resource resource) {
        if (!resource.getIdElement().hasIdPart() || target.getOrDefault(resource.fhirType(), Map.of())
                .containsKey(resource.getIdElement().getIdPart())) {
            resource.setId(newId(resource.fhirType()));
        }
        resource.setId(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
        stamp(resource, 1);
        target.computeIfAbsent(resource.fhirType(), t -> new TreeMap<>()).put(resource.getIdElement().getIdPart(),
                resource);
        return resource;
    }

    private Resource updateIn(Map<String, Map<String, Resource>> target, String type, String id, Resource resource,
            String ifMatch) {
        requireSameType(type, resource);
        if (resource.getIdElement().hasIdPart() && !id.equals(resource.getIdElement().getIdPart())) {
            throw FhirError.badRequest("Resource id does not match the URL");
        }
        Resource current = target.getOrDefault(type, Map.of()).get(id);
        if (current == null) {
            throw FhirError.notFound("Resource " + type + "/" + id + " is not known (update-as-create is off)");
        }
        int version = Integer.parseInt(current.getMeta().getVersionId());
        if (ifMatch != null && !ifMatch.isBlank() && !Objects.equals(versionOf(ifMatch), String.valueOf(version))) {
            throw new FhirError(412, OperationOutcome.IssueType.CONFLICT,
                    "Version conflict: " + type + " is at a newer version than If-Match");
        }
        resource.setId(type + "/" + id);
        stamp(resource, version + 1);
        target.get(type).put(id, resource);
        return resource;
    }

    private static String versionOf(String etag) {
        String v = etag.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        return v.replace("\"", "");
    }

    private void stamp(Resource resource, int version) {
        resource.getMeta().setVersionId(String.valueOf(version)).setLastUpdated(Date.from(clock.instant()));
    }

    private String newId(String type) {
        return type.toLowerCase() + "-n" + (nextId++);
    }

    private static void requireType(String type) {
        if (!SandboxSearch.supportsType(type)) {
            throw FhirError.notFound("Resource type " + type + " is not supported by this server");
        }
    }

    private static void requireSameType(String type, Resource resource) {
        if (resource == null || !type.equals(resource.fhirType())) {
            throw FhirError.badRequest("Resource type does not match the URL");
        }
    }

    /** Number of stored resources of a type (for tests and the dev console). */
    public synchronized int count(String type) {
        return data.getOrDefault(type, Map.of()).size();
    }

    synchronized List<String> types() {
        return new ArrayList<>(data.keySet());
    }
}
