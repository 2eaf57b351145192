package org.visitwise.ehr;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;

/** Turns a transaction Bundle entry into the {@link FhirRequest} it stands for. */
final class TransactionEntries {

    private TransactionEntries() {
    }

    static FhirRequest toRequest(Bundle.BundleEntryComponent entry) {
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        if (request.getMethod() == null || request.getUrl() == null) {
            throw new IllegalArgumentException("transaction entry without method or url");
        }
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String[] parts = path.split("/");
        String type = parts[0];
        String id = parts.length > 1 ? parts[1] : null;
        return switch (request.getMethod()) {
            case POST -> new FhirRequest(Interaction.CREATE, type, null, Map.of(), entry.getResource());
            case PUT -> new FhirRequest(Interaction.UPDATE, type, id, Map.of(), entry.getResource());
            case DELETE -> new FhirRequest(Interaction.DELETE, type, id, Map.of(), null);
            case GET -> id != null
                    ? FhirRequest.read(type, id)
                    : FhirRequest.search(type, q < 0 ? Map.of() : queryNames(url.substring(q + 1)));
            default -> throw new IllegalArgumentException("unsupported transaction method");
        };
    }

    private static Map<String, List<String>> queryNames(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Arrays.stream(query.split("&")).filter(s -> !s.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1),
                    java.nio.charset.StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        });
        return params;
    }
}
