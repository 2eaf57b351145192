package org.visitwise.scheduling;

import org.visitwise.api.Problem;
import org.visitwise.api.ProblemException;

/** A request the scheduling rules refuse as such (unknown visit type, bad range, wrong state). */
public final class InvalidSchedulingRequestException extends ProblemException {

    private final int status;
    private final String detail;

    public InvalidSchedulingRequestException(int status, String detail) {
        super(detail);
        this.status = status;
        this.detail = detail;
    }

    @Override
    public Problem problem() {
        return Problem.of(status == 409 ? "conflict" : "invalid-request", status == 409 ? "Not possible now"
                : "Invalid request", status, detail);
    }
}
