package org.visitwise.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;
import org.visitwise.ehr.EhrCallContext;
import org.visitwise.ehr.EhrException;
import org.visitwise.ehr.EhrGateway;
import org.visitwise.ehr.Purpose;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxPractice;
import org.visitwise.sandbox.SandboxPractice.SyntheticPatient;
import org.visitwise.support.Bookings;
import org.visitwise.support.LogFiles;
import org.visitwise.support.Management;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Feeds the sandbox practice's synthetic PHI through the EHR gateway (reads that return it,
 * searches, refusals, errors, a failed and a successful transaction) and asserts that none of it
 * appears in the application log, the audit stream, or any exception message.
 */
@QuarkusTest
class PhiLeakTest {

    @Inject
    EhrGateway gateway;

    @Inject
    SandboxEhrServer sandbox;

    @Test
    void noSyntheticPatientDetailAppearsInLogsAuditOrErrors() {
        sandbox.reset();
        List<String> errorMessages = new ArrayList<>();
        for (SyntheticPatient sp : SandboxPractice.patients()) {
            EhrCallContext frontDesk = new EhrCallContext(Purpose.FRONT_DESK_SCHEDULING, "staff-1", sp.id(), "s-fd",
                    null);
            EhrCallContext self = new EhrCallContext(Purpose.PATIENT_SELF_SCHEDULING, "subject-x", sp.id(), "s-p", null);
            Patient patient = gateway.read(frontDesk, Patient.class, sp.id());
            assertEquals(sp.family(), patient.getNameFirstRep().getFamily(), "PHI really flowed through the gateway");
            gateway.search(self, "Appointment", Map.of("patient", List.of("Patient/" + sp.id())));
            errorMessages.add(assertThrows(EhrException.class,
                    () -> gateway.read(self, Patient.class, sp.id())).getMessage());
            errorMessages.add(assertThrows(EhrException.class, () -> gateway.search(self, "Appointment",
                    Map.of("patient", List.of("Patient/" + sp.id()), "date", List.of("born " + sp.birthDate())))).getMessage());
            gateway.search(self, "Appointment", Map.of("patient", List.of("Patient/" + sp.id()),
                    "identifier", List.of(sp.email())));
            errorMessages.add(assertThrows(EhrException.class, () -> gateway.search(frontDesk, "Appointment",
                    Map.of("patient", List.of(sp.fullName()), "phone", List.of(sp.phone())))).getMessage());
            errorMessages.add(assertThrows(EhrException.class,
                    () -> gateway.update(frontDesk, patient.copy().setBirthDate(null))).getMessage());
        }
        SyntheticPatient first = SandboxPractice.patients().get(0);
        EhrCallContext frontDesk = new EhrCallContext(Purpose.FRONT_DESK_SCHEDULING, "staff-1", first.id(), "s-fd", null);
        Slot slot = (Slot) sandbox.store().search("Slot", Map.of("status", List.of("free"))).get(0);
        Slot current = gateway.read(frontDesk, Slot.class, slot.getIdElement().getIdPart());
        gateway.transaction(frontDesk, Bookings.transaction(current, first.id()));
        errorMessages.add(assertThrows(EhrException.class, () -> gateway.transaction(frontDesk, Bookings.transaction(current, first.id())))
                .getMessage());

        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_client_requests_seconds"), "the EHR calls were measured");
        String log = LogFiles.applicationLog();
        String audit = String.join("\n", LogFiles.auditLines());
        String errors = String.join("\n", errorMessages);
        assertTrue(audit.contains("\"resourceType\":\"Patient\""), "the audit stream recorded the reads");
        assertTrue(log.contains("Sandbox EHR"), "the application log was captured");
        for (SyntheticPatient sp : SandboxPractice.patients()) {
            for (String phi : List.of(sp.family(), sp.fullName(), sp.birthDate(), sp.phone(), sp.email(),
                    sp.addressLine(), sp.id())) {
                assertFalse(log.contains(phi), "application log contains a synthetic identifier of " + sp.id());
                assertFalse(audit.contains(phi), "audit stream contains a synthetic identifier of " + sp.id());
                assertFalse(errors.contains(phi), "an error message contains a synthetic identifier of " + sp.id());
                assertFalse(metrics.contains(phi), "the metrics scrape contains a synthetic identifier of " + sp.id());
            }
        }
    }
}
