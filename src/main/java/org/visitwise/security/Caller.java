package org.visitwise.security;

import org.visitwise.ehr.EhrCallContext;
import org.visitwise.ehr.Purpose;

/**
 * Who is calling and for whom, resolved from the verified token and the caller's one role (and, for
 * staff and the EHR only, from the patient they say they act for).
 *
 * @param subject        the token's subject: unique id of the user or service account
 * @param purpose        purpose of use that follows from the role
 * @param patientId      FHIR id of the patient acted for; null when the request concerns no patient
 * @param practitionerId FHIR id of the practitioner whose own schedule is read (provider role); else null
 * @param sessionId      the conversation this request belongs to, if any (for audit correlation)
 */
public record Caller(String subject, Purpose purpose, String patientId, String practitionerId, String sessionId) {

    public Caller(String subject, Purpose purpose, String patientId) {
        this(subject, purpose, patientId, null, null);
    }

    /** The same caller, acting inside a conversation. */
    public Caller inSession(String id) {
        return new Caller(subject, purpose, patientId, practitionerId, id);
    }

    public EhrCallContext ehr(String correlationId) {
        return new EhrCallContext(purpose, subject, patientId, sessionId, correlationId);
    }

    public boolean actsForPatient() {
        return patientId != null;
    }

    /** {@code Patient/<id>}, or null. */
    public String patientReference() {
        return patientId == null ? null : "Patient/" + patientId;
    }

    /** Whose appointments this caller lists: the patient's, or the provider's own. */
    public String participantReference() {
        return practitionerId != null ? "Practitioner/" + practitionerId : patientReference();
    }
}
