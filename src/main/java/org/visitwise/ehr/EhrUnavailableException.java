package org.visitwise.ehr;

/**
 * The EHR could not be reached, timed out, or failed (5xx). The outcome of a write is unknown.
 * The underlying I/O exception is deliberately not kept as the cause: its message may carry the
 * request URL, and a search URL may carry a patient's id.
 */
public final class EhrUnavailableException extends EhrException {

    public EhrUnavailableException(String what, int status, Class<? extends Throwable> causeType) {
        super(what + ": EHR unavailable" + (status > 0 ? " (" + status + ")" : "")
                + (causeType == null ? "" : " (" + causeType.getSimpleName() + ")"), status, null);
    }

    @Override
    public String reason() {
        return "unavailable";
    }
}
