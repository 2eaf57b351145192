package org.visitwise.limits;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.visitwise.api.Problem;
import org.visitwise.api.ProblemException;

/** A caller went beyond a limit: 429 with {@code Retry-After} (whole seconds, at least one). */
public class LimitExceededException extends ProblemException {

    private final Limit limit;
    private final long retryAfterSeconds;

    LimitExceededException(Limit limit, Duration retryAfter) {
        super("limit " + limit.code());
        this.limit = limit;
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public Limit limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Problem problem() {
        return Problem.of("too-many-requests", "Too many requests", 429,
                "Too many requests of this kind for now; please try again in " + retryAfterSeconds + " seconds.")
                .with("limit", limit.code());
    }

    @Override
    public Response toResponse() {
        return Response.fromResponse(super.toResponse()).header("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }
}
