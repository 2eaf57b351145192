package org.visitwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.visitwise.ehr.Purpose;

/** The role policy: what the shipped file grants, and every kind of file that is refused at start-up. */
class RolePolicyTest {

    private final RolePolicy shipped = RolePolicy.load(Optional.empty());

    @Test
    void shippedPolicyGivesEachRoleItsPurposeAndPermissions() {
        Role patient = shipped.roleOf(Set.of("patient", "offline_access"), false).orElseThrow();
        assertEquals(Optional.of(Purpose.PATIENT_SELF_SCHEDULING), patient.purpose());
        assertEquals(ActsFor.OWN_RECORD, patient.actsFor());
        assertEquals(Set.of(Permissions.APPOINTMENTS_READ), shipped.roleOf(Set.of("billing"), false).orElseThrow().permissions());
        assertEquals(Optional.empty(), shipped.roleOf(Set.of("admin"), false).orElseThrow().purpose());
        assertEquals(List.of("system/Appointment.crus", "system/Slot.rs"),
                shipped.roleOf(Set.of("ehr-relay"), true).orElseThrow().tokenScopes());
        assertEquals(Set.of(Permissions.AUDIT_EXPORT), shipped.roleOf(Set.of("ehr-audit"), true).orElseThrow().permissions());
    }

    @Test
    void twoRolesOrNoneGiveNothing() {
        assertEquals(Optional.empty(), shipped.roleOf(Set.of("front-desk", "billing"), false));
        assertEquals(Optional.empty(), shipped.roleOf(Set.of("volunteer"), false));
    }

    @Test
    void peopleNeverHoldAServiceAccountRoleNorTheReverse() {
        assertEquals(Optional.empty(), shipped.roleOf(Set.of("ehr-relay"), false));
        assertEquals(Optional.empty(), shipped.roleOf(Set.of("front-desk"), true));
    }

    @Test
    void badFilesAreRefused() {
        assertRefused(entry("people", "front-desk-scheduling", "named-patient", List.of("appointments:delete"), null), "unknown permission");
        assertRefused(entry("people", "patient-self-scheduling", "asserted-patient", List.of(), null), "people asserting a patient");
        assertRefused(entry("service-accounts", "patient-self-scheduling", "own-record", List.of(), null), "service account acting for its own record");
        assertRefused(entry("people", "none", "own-record", List.of(), null), "no purpose but a patient");
        assertRefused(entry("people", "audit-everything", "nobody", List.of(), null), "unknown purpose");
        assertRefused(entry("robots", "none", "nobody", List.of(), null), "unknown kind of caller");
        assertRefused(entry("people", "none", "nobody", List.of(), List.of("system/Slot.rs")), "token scopes for people");
        assertRefused(entry("service-accounts", "patient-self-scheduling", "asserted-patient", List.of(), List.of("user/Slot.rs")),
                "a token scope that is no system scope");
        assertRefused(entry("people", "none", "nobody", List.of("audit:export"), null), "a service permission for people");
        assertRefused(entry("service-accounts", "none", "nobody", List.of("audit:read"), null), "a people's permission for a service");
        assertRefused(entry("service-accounts", "front-desk-scheduling", "named-patient", List.of("conversations:relay"), null),
                "a service account naming patients like staff");
        assertThrows(IllegalArgumentException.class, () -> RolePolicy.parse(new RolePolicy.RoleFile(Map.of())));
    }

    @Test
    void wellFormedEntryIsAccepted() {
        RolePolicy policy = RolePolicy.parse(new RolePolicy.RoleFile(Map.of("scheduler",
                entry("people", "front-desk-scheduling", "named-patient", List.of("slots:read"), null))));
        assertTrue(policy.role("scheduler").isPresent());
    }

    private static RolePolicy.Entry entry(String callers, String purpose, String actsFor, List<String> permissions,
            List<String> tokenScopes) {
        return new RolePolicy.Entry(callers, purpose, actsFor, permissions, tokenScopes);
    }

    private static void assertRefused(RolePolicy.Entry entry, String why) {
        assertThrows(IllegalArgumentException.class, () -> RolePolicy.parse(new RolePolicy.RoleFile(Map.of("r", entry))), why);
    }
}
