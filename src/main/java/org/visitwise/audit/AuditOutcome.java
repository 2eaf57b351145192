package org.visitwise.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** FHIR AuditEvent.outcome codes. */
public enum AuditOutcome {
    SUCCESS("0"),
    /** The request was refused or failed because of the caller (denial, not found, conflict). */
    MINOR_FAILURE("4"),
    /** The request failed on the other side (EHR error, timeout). */
    SERIOUS_FAILURE("8");

    private final String code;

    AuditOutcome(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
