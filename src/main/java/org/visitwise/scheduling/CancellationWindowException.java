package org.visitwise.scheduling;

import org.visitwise.api.Problem;
import org.visitwise.api.ProblemException;

/** Too close to the start to cancel or reschedule online: the patient calls the practice. */
public final class CancellationWindowException extends ProblemException {

    private final long hours;
    private final String practicePhone;

    public CancellationWindowException(long hours, String practicePhone) {
        super("inside the cancellation window");
        this.hours = hours;
        this.practicePhone = practicePhone;
    }

    @Override
    public Problem problem() {
        String call = practicePhone == null ? "Please call the practice." : "Please call the practice at " + practicePhone + ".";
        Problem problem = Problem.of("cancellation-window", "Too late to change online", 422,
                "Appointments starting within " + hours + " hours cannot be changed online. " + call);
        return practicePhone == null ? problem : problem.with("practicePhone", practicePhone);
    }
}
