package org.visitwise.security;

import org.visitwise.ehr.EhrCallContext;
import org.visitwise.ehr.Purpose;

/**
 * Who is calling and for which patient, resolved from the verified token (and, for staff only, from
 * the patient they say they act for).
 *
 * @param subject   the token's subject: unique id of the user
 * @param purpose   purpose of use that follows from the role
 * @param patientId FHIR id of the patient acted for; null when the request concerns no patient
 * @param sessionId the conversation this request belongs to, if any (for audit correlation)
 */
public record Caller(String subject, Purpose purpose, String patientId, String sessionId) {

    public Caller(String subject, Purpose purpose, String patientId) {
        this(subject, purpose, patientId, null);
    }

    /** The same caller, acting inside a conversation. */
    public Caller inSession(String id) {
        return new Caller(subject, purpose, patientId, id);
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
}
