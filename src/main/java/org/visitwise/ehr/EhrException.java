package org.visitwise.ehr;

/**
 * A FHIR interaction that did not succeed. Messages name resource types, interactions, purposes
 * and HTTP statuses only: never ids of patients, search values or anything from a resource body.
 */
public abstract sealed class EhrException extends RuntimeException
        permits ScopeDeniedException, EhrNotFoundException, EhrVersionConflictException, EhrRejectedException,
        EhrUnavailableException {

    private final int status;

    protected EhrException(String message, int status, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
    }

    /** HTTP status the EHR answered with, or 0 when the request never got an answer. */
    public int status() {
        return status;
    }

    /** A short, stable reason code for audit events and metrics. */
    public abstract String reason();
}
