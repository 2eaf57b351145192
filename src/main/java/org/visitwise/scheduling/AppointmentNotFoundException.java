package org.visitwise.scheduling;

import org.visitwise.api.Problem;
import org.visitwise.api.ProblemException;

/** No such appointment or hold for this caller (whether it exists for someone else is not said). */
public final class AppointmentNotFoundException extends ProblemException {

    private final String what;

    public AppointmentNotFoundException(String what) {
        super(what + " not found");
        this.what = what;
    }

    @Override
    public Problem problem() {
        return Problem.of("not-found", "Not found", 404, "No such " + what + " for this caller.");
    }
}
