package org.visitwise.ehr;

/**
 * The resource changed since it was read: 412 (the FHIR answer to a stale {@code If-Match}) or 409
 * (what HAPI FHIR and others answer). Either way the race was lost and nothing was written.
 */
public final class EhrVersionConflictException extends EhrException {

    public EhrVersionConflictException(String what, int status) {
        super(what + ": version conflict", status, null);
    }

    @Override
    public String reason() {
        return "version-conflict";
    }
}
