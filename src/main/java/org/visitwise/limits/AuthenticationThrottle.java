package org.visitwise.limits;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.visitwise.api.Problem;

import io.vertx.ext.web.Router;

/**
 * An address that failed to authenticate too often ({@link Limit#FAILED_AUTHENTICATIONS_PER_ADDRESS})
 * is answered 429 before its requests are read, let alone their tokens verified, until its allowance
 * refills: guessing and token-stuffing cost the attacker time, not the service. Behind a proxy the
 * address is the client's only when {@code quarkus.http.proxy.*} trusts that proxy's forwarding headers.
 */
@ApplicationScoped
public class AuthenticationThrottle {

    private final RateLimits limits;

    AuthenticationThrottle(RateLimits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String address = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
            Optional<Duration> wait = limits.exhausted(Limit.FAILED_AUTHENTICATIONS_PER_ADDRESS, address);
            if (wait.isEmpty()) {
                ctx.next();
                return;
            }
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.response().setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", String.valueOf(seconds)).putHeader("Cache-Control", "no-store")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end("{\"type\":\"https://visitwise.org/problems/too-many-requests\",\"title\":\"Too many requests\","
                            + "\"status\":429,\"detail\":\"Too many failed sign-ins from this address; please try again in "
                            + seconds + " seconds.\",\"limit\":\"" + Limit.FAILED_AUTHENTICATIONS_PER_ADDRESS.code() + "\"}");
        });
    }
}
