package org.visitwise.api;

/**
 * An exception that already knows the problem+json answer it deserves. Feature exceptions extend it
 * so that one mapper answers them all.
 */
public abstract class ProblemException extends RuntimeException {

    protected ProblemException(String message) {
        super(message, null, false, false);
    }

    public abstract Problem problem();

    /** The answer; override to add headers such as {@code Retry-After}. */
    public jakarta.ws.rs.core.Response toResponse() {
        return problem().toResponse();
    }
}
