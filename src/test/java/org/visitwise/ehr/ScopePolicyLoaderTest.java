package org.visitwise.ehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopePolicyLoaderTest {

    private static final Set<String> CLINICAL = Set.of("Observation", "Condition", "DocumentReference",
            "MedicationRequest", "DiagnosticReport", "Encounter", "Procedure", "AllergyIntolerance", "Immunization",
            "CarePlan");

    @Test
    void shippedPolicyCoversEveryPurposeAndNamesNoClinicalResource() {
        ScopePolicy policy = ScopePolicyLoader.load(Optional.of(Path.of("scopes")));
        for (Purpose purpose : Purpose.values()) {
            PurposePolicy p = policy.of(purpose);
            assertEquals(purpose, p.purpose());
            for (String type : p.scopes().keySet()) {
                assertFalse(CLINICAL.contains(type), purpose + " names clinical resource " + type);
            }
        }
        assertTrue(policy.of(Purpose.PATIENT_SELF_SCHEDULING).patientCompartment());
        assertFalse(policy.of(Purpose.FRONT_DESK_SCHEDULING).patientCompartment());
        assertFalse(policy.of(Purpose.PATIENT_SELF_SCHEDULING).permits(Interaction.READ, "Patient"));
    }

    @Test
    void classPathCopyIsTheSameAsTheScopesDirectory() {
        ScopePolicy fromDir = ScopePolicyLoader.load(Optional.of(Path.of("scopes")));
        ScopePolicy fromClassPath = ScopePolicyLoader.load(Optional.empty());
        for (Purpose purpose : Purpose.values()) {
            assertEquals(fromDir.of(purpose), fromClassPath.of(purpose));
        }
    }

    @Test
    void clinicalResourceInAPolicyStopsTheLoad() {
        var file = new ScopePolicyLoader.ScopeFile("patient-self-scheduling",
                List.of("patient/Slot.rs", "patient/Observation.rs"), Map.of("Slot", List.of("start"),
                        "Observation", List.of("code")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ScopePolicyLoader.toPolicy(Purpose.PATIENT_SELF_SCHEDULING, file));
        assertTrue(e.getMessage().contains("Observation is not a scheduling resource"));
    }

    @Test
    void mixedContextsStopTheLoad() {
        var file = new ScopePolicyLoader.ScopeFile("front-desk-scheduling",
                List.of("user/Slot.r", "patient/Appointment.r"), Map.of());
        assertThrows(IllegalStateException.class,
                () -> ScopePolicyLoader.toPolicy(Purpose.FRONT_DESK_SCHEDULING, file));
    }

    @Test
    void searchParametersWithoutSearchScopeStopTheLoad() {
        var file = new ScopePolicyLoader.ScopeFile("ehr-service", List.of("system/Schedule.r"),
                Map.of("Schedule", List.of("actor")));
        assertThrows(IllegalStateException.class, () -> ScopePolicyLoader.toPolicy(Purpose.EHR_SERVICE, file));
    }

    @Test
    void searchScopeWithoutParameterListStopsTheLoad() {
        var file = new ScopePolicyLoader.ScopeFile("ehr-service", List.of("system/Schedule.rs"), Map.of());
        assertThrows(IllegalStateException.class, () -> ScopePolicyLoader.toPolicy(Purpose.EHR_SERVICE, file));
    }

    @Test
    void missingOrMisnamedFileStopsTheLoad(@TempDir Path dir) throws IOException {
        assertThrows(IllegalStateException.class, () -> ScopePolicyLoader.load(Optional.of(dir)));
        for (Purpose purpose : Purpose.values()) {
            Files.copy(Path.of("scopes", purpose.code() + ".yaml"), dir.resolve(purpose.code() + ".yaml"));
        }
        ScopePolicyLoader.load(Optional.of(dir));
        Files.writeString(dir.resolve("ehr-service.yaml"), "purpose: front-desk-scheduling\nscopes: [system/Schedule.r]\n");
        assertThrows(IllegalStateException.class, () -> ScopePolicyLoader.load(Optional.of(dir)));
    }

    @Test
    void unknownKeysStopTheLoad(@TempDir Path dir) throws IOException {
        for (Purpose purpose : Purpose.values()) {
            Files.copy(Path.of("scopes", purpose.code() + ".yaml"), dir.resolve(purpose.code() + ".yaml"));
        }
        Files.writeString(dir.resolve("ehr-service.yaml"),
                "purpose: ehr-service\nscopes: [system/Schedule.r]\nallowEverything: true\n");
        assertThrows(IllegalStateException.class, () -> ScopePolicyLoader.load(Optional.of(dir)));
    }
}
