package org.visitwise.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.visitwise.audit.AuditEvent;
import org.visitwise.audit.AuditOutcome;

import ca.uhn.fhir.context.FhirContext;

/** The FHIR AuditEvent of each kind of event: BALP-style codes, pseudonyms only. */
class FhirAuditEventsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void aFhirSearchBecomesARestAuditEventWithPseudonymousEntities() {
        var fhir = FhirAuditEvents.of(new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "rest", "search-type", "E",
                AuditOutcome.SUCCESS, "subject-1", "front-desk", "front-desk-scheduling", "s-1", "Appointment", null,
                "hmac:00112233445566778899aabbccddeeff", List.of("patient", "date"), 200, null, "pod-1", "req-1", null, null));
        assertEquals("rest", fhir.getType().getCode());
        assertEquals("search-type", fhir.getSubtypeFirstRep().getCode());
        assertEquals("subject-1", fhir.getAgentFirstRep().getWho().getIdentifier().getValue());
        assertTrue(fhir.getAgentFirstRep().getPurposeOfUse().get(0).getCoding().stream().anyMatch(c -> "PATADMIN".equals(c.getCode())));
        String json = FHIR.newJsonParser().encodeResourceToString(fhir);
        assertTrue(json.contains("patient,date"), "parameter names");
        assertTrue(json.contains("hmac:00112233445566778899aabbccddeeff"));
        assertTrue(json.contains("req-1") && json.contains("s-1"), "session and request");
    }

    @Test
    void aFailedLoginIsAUserAuthenticationLogin() {
        var fhir = FhirAuditEvents.of(new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "security", "login-failure", "E",
                AuditOutcome.MINOR_FAILURE, null, null, null, null, null, null, null, List.of(), 401, "authentication-failed",
                "pod-1", "req-2", null, "hmac:ffeeddccbbaa99887766554433221100"));
        assertEquals("110114", fhir.getType().getCode());
        assertEquals("110122", fhir.getSubtypeFirstRep().getCode());
        assertEquals("4", fhir.getOutcome().toCode());
        assertEquals("hmac:ffeeddccbbaa99887766554433221100", fhir.getAgentFirstRep().getNetwork().getAddress());
    }
}
