package org.visitwise.api;

/** A request that is malformed or names what it may not: 400, with a detail that says how to fix it (never echoing input). */
public final class InvalidRequestException extends ProblemException {

    private final String detail;

    public InvalidRequestException(String detail) {
        super(detail);
        this.detail = detail;
    }

    @Override
    public Problem problem() {
        return Problem.of("invalid-request", "Invalid request", 400, detail);
    }
}
