package org.visitwise.scheduling;

import java.util.List;

import org.visitwise.api.Problem;
import org.visitwise.api.ProblemException;

/** The slot is gone (taken, held or blocked meanwhile); here are the next free ones. */
public final class SlotUnavailableException extends ProblemException {

    private final transient List<SlotView> alternatives;

    public SlotUnavailableException(List<SlotView> alternatives) {
        super("slot no longer available");
        this.alternatives = List.copyOf(alternatives);
    }

    public List<SlotView> alternatives() {
        return alternatives;
    }

    @Override
    public Problem problem() {
        return Problem.of("slot-taken", "Slot taken", 409,
                "That time is no longer available. Here are the next free ones.").with("alternatives", alternatives);
    }
}
