package org.visitwise.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.visitwise.ehr.Purpose;
import org.visitwise.ehr.ScopePolicyLoader;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The roles of {@code scopes/roles.yaml}. Loaded once; anything unexpected (unknown key, purpose,
 * permission or acts-for) stops the start, so a policy that cannot be read grants nothing.
 */
public final class RolePolicy {

    /** Every permission an endpoint may require; a role file naming another one is refused. */
    public static final Set<String> PERMISSIONS = Set.of(Permissions.SLOTS_READ, Permissions.APPOINTMENTS_READ,
            Permissions.APPOINTMENTS_WRITE, Permissions.CONVERSATIONS_USE, Permissions.CONVERSATIONS_RELAY,
            Permissions.AUDIT_READ, Permissions.AUDIT_EXPORT);

    /** What only the EHR's systems may do; every other permission is for people only. */
    static final Set<String> SERVICE_PERMISSIONS = Set.of(Permissions.CONVERSATIONS_RELAY, Permissions.AUDIT_EXPORT);

    private static final Pattern SYSTEM_SCOPE = Pattern.compile("system/[A-Z][A-Za-z]+\\.c?r?u?d?s?");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record RoleFile(Map<String, Entry> roles) {
    }

    record Entry(String callers, String purpose, @JsonProperty("acts-for") String actsFor, List<String> permissions,
            @JsonProperty("token-scopes") List<String> tokenScopes) {
    }

    private final Map<String, Role> roles;

    RolePolicy(Map<String, Role> roles) {
        this.roles = Map.copyOf(roles);
    }

    public static RolePolicy load(Optional<Path> directory) {
        try (InputStream in = ScopePolicyLoader.open(directory, "roles.yaml")) {
            return parse(YAML.readValue(in, RoleFile.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read role policy roles.yaml: " + e.getMessage(), e);
        }
    }

    static RolePolicy parse(RoleFile file) {
        if (file.roles() == null || file.roles().isEmpty()) {
            throw new IllegalArgumentException("no roles");
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        file.roles().forEach((name, entry) -> roles.put(name, toRole(name, entry)));
        return new RolePolicy(roles);
    }

    private static Role toRole(String name, Entry entry) {
        boolean service = switch (String.valueOf(entry.callers())) {
            case "people" -> false;
            case "service-accounts" -> true;
            default -> throw new IllegalArgumentException(name + ": callers must be people or service-accounts");
        };
        Optional<Purpose> purpose = "none".equals(entry.purpose()) ? Optional.empty()
                : Optional.of(Purpose.fromCode(String.valueOf(entry.purpose()))
                        .orElseThrow(() -> new IllegalArgumentException(name + ": unknown purpose " + entry.purpose())));
        ActsFor actsFor = ActsFor.fromCode(String.valueOf(entry.actsFor()));
        if (purpose.isEmpty() != (actsFor == ActsFor.NOBODY)) {
            throw new IllegalArgumentException(name + ": purpose none goes with acts-for nobody, and only with it");
        }
        if (actsFor == ActsFor.ASSERTED_PATIENT && !service) {
            throw new IllegalArgumentException(name + ": only service accounts act for an asserted patient");
        }
        if (service && actsFor != ActsFor.ASSERTED_PATIENT && actsFor != ActsFor.NOBODY) {
            throw new IllegalArgumentException(name + ": a service account acts for an asserted patient or nobody");
        }
        Set<String> permissions = new LinkedHashSet<>(entry.permissions() == null ? List.of() : entry.permissions());
        for (String p : permissions) {
            if (!PERMISSIONS.contains(p)) {
                throw new IllegalArgumentException(name + ": unknown permission " + p);
            }
            if (SERVICE_PERMISSIONS.contains(p) != service) {
                throw new IllegalArgumentException(name + ": permission " + p + " is for "
                        + (service ? "people" : "service accounts") + " only");
            }
        }
        List<String> scopes = entry.tokenScopes() == null ? List.of() : List.copyOf(entry.tokenScopes());
        if (!service && !scopes.isEmpty()) {
            throw new IllegalArgumentException(name + ": token-scopes are for service accounts");
        }
        for (String scope : scopes) {
            if (!SYSTEM_SCOPE.matcher(scope).matches()) {
                throw new IllegalArgumentException(name + ": token scope must be system/<Resource>.<cruds>: " + scope);
            }
        }
        return new Role(name, service, purpose, actsFor, Set.copyOf(permissions), scopes);
    }

    /**
     * The one role of this policy that the caller holds, or empty when they hold none — or more than
     * one (least privilege: a caller acts in one role, so its purpose of use is never ambiguous).
     */
    public Optional<Role> roleOf(Set<String> callerRoles, boolean serviceAccount) {
        List<Role> held = roles.values().stream()
                .filter(r -> r.serviceAccount() == serviceAccount && callerRoles.contains(r.name())).toList();
        return held.size() == 1 ? Optional.of(held.get(0)) : Optional.empty();
    }

    public Optional<Role> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }
}
