package org.visitwise.ehr;

import java.util.Objects;

/**
 * Who asks the EHR for what reason. Built by the caller's feature from the authenticated identity,
 * never from user input.
 *
 * @param purpose       purpose of use; selects the policy in {@code scopes/}
 * @param actor         unique id of the acting user or service (an OIDC subject, a service name)
 * @param patientId     FHIR logical id of the patient the session acts for; required for patient
 *                      purposes, where it bounds the compartment; may be null otherwise
 * @param sessionId     conversation or request session id, for audit correlation (may be null)
 * @param correlationId id of the inbound request that caused this call; null: the request being served
 */
public record EhrCallContext(Purpose purpose, String actor, String patientId, String sessionId,
        String correlationId) {

    public EhrCallContext {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(actor, "actor");
    }

    /** The patient's reference, {@code Patient/<id>}, or null without a patient. */
    public String patientReference() {
        return patientId == null ? null : "Patient/" + patientId;
    }
}
