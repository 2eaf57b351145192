package org.visitwise.ehr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads {@code scopes/<purpose>.yaml} for every purpose, from a directory when one is configured
 * (a mounted ConfigMap, say) or else from the copy shipped in the application. Anything unexpected
 * stops the load: a policy that cannot be read allows nothing.
 */
public final class ScopePolicyLoader {

    /** Resource types a scheduling agent may ever name; clinical resources are not among them. */
    static final Set<String> SCHEDULING_RESOURCES = Set.of("Appointment", "Slot", "Schedule", "Practitioner",
            "PractitionerRole", "Location", "Organization", "HealthcareService", "Patient", "AuditEvent");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record ScopeFile(String purpose, List<String> scopes, Map<String, List<String>> search) {
    }

    private ScopePolicyLoader() {
    }

    public static ScopePolicy load(Optional<Path> directory) {
        Map<Purpose, PurposePolicy> policies = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            String file = purpose.code() + ".yaml";
            try (InputStream in = open(directory, file)) {
                policies.put(purpose, toPolicy(purpose, YAML.readValue(in, ScopeFile.class)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read scope policy " + file + ": " + e.getMessage(), e);
            }
        }
        return new ScopePolicy(policies);
    }

    /** Opens a policy file of {@code scopes/}: from the configured directory, else from the class path. */
    public static InputStream open(Optional<Path> directory, String file) throws IOException {
        if (directory.isPresent()) {
            return Files.newInputStream(directory.get().resolve(file));
        }
        InputStream in = ScopePolicyLoader.class.getClassLoader().getResourceAsStream("scopes/" + file);
        if (in == null) {
            throw new IOException("not found on the class path");
        }
        return in;
    }

    static PurposePolicy toPolicy(Purpose purpose, ScopeFile file) {
        String name = purpose.code() + ".yaml";
        if (!purpose.code().equals(file.purpose())) {
            throw new IllegalStateException(name + ": purpose must be " + purpose.code());
        }
        if (file.scopes() == null || file.scopes().isEmpty()) {
            throw new IllegalStateException(name + ": no scopes");
        }
        Map<String, SmartScope> scopes = new HashMap<>();
        String context = null;
        for (String text : file.scopes()) {
            SmartScope scope = SmartScope.parse(text);
            if (!SCHEDULING_RESOURCES.contains(scope.resourceType())) {
                throw new IllegalStateException(name + ": " + scope.resourceType() + " is not a scheduling resource");
            }
            if (context != null && !context.equals(scope.context())) {
                throw new IllegalStateException(name + ": scopes mix contexts " + context + " and " + scope.context());
            }
            if (scopes.put(scope.resourceType(), scope) != null) {
                throw new IllegalStateException(name + ": " + scope.resourceType() + " is listed twice");
            }
            context = scope.context();
        }
        Map<String, List<String>> search = file.search() == null ? Map.of() : file.search();
        Map<String, Set<String>> params = new HashMap<>();
        for (Map.Entry<String, SmartScope> e : scopes.entrySet()) {
            List<String> names = search.get(e.getKey());
            if (e.getValue().permits('s') && names == null) {
                throw new IllegalStateException(name + ": " + e.getKey() + " may be searched but lists no parameters");
            }
            if (names != null) {
                params.put(e.getKey(), Set.copyOf(names));
            }
        }
        for (String type : search.keySet()) {
            SmartScope scope = scopes.get(type);
            if (scope == null || !scope.permits('s')) {
                throw new IllegalStateException(name + ": search parameters for " + type + " without an 's' scope");
            }
        }
        return new PurposePolicy(purpose, context, scopes, params);
    }
}
