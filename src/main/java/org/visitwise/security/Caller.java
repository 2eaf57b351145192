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
 */
public record Caller(String subject, Purpose purpose, String patientId) {

    public EhrCallContext ehr(String correlationId) {
        return new EhrCallContext(purpose, subject, patientId, null, correlationId);
    }

    public boolean actsForPatient() {
        return patientId != null;
    }
}
