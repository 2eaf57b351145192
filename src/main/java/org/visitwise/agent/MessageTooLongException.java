package org.visitwise.agent;

import org.visitwise.api.Problem;
import org.visitwise.api.ProblemException;

/** A message over the configured size limit: 413. */
public final class MessageTooLongException extends ProblemException {

    private final int limit;

    public MessageTooLongException(int limit) {
        super("message too long");
        this.limit = limit;
    }

    @Override
    public Problem problem() {
        return Problem.of("message-too-long", "Message too long", 413, "Messages are limited to " + limit + " characters.");
    }
}
