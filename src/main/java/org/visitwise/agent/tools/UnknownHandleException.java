package org.visitwise.agent.tools;

import java.util.Set;

/** A handle (S1, A1…) this conversation was not shown. */
public final class UnknownHandleException extends RuntimeException {

    private final Set<String> known;

    UnknownHandleException(Set<String> known) {
        super("unknown handle");
        this.known = Set.copyOf(known);
    }

    /** The handles that are valid now. */
    public Set<String> known() {
        return known;
    }
}
