package org.visitwise.security;

import org.visitwise.api.Problem;
import org.visitwise.api.ProblemException;

/** A patient parameter given where it may not be, or missing where staff must give one. */
public final class PatientParameterException extends ProblemException {

    private final String detail;

    PatientParameterException(String detail) {
        super(detail);
        this.detail = detail;
    }

    @Override
    public Problem problem() {
        return Problem.of("invalid-request", "Invalid request", 400, detail);
    }
}
