package org.visitwise.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The API has no matrix parameters: a path with a {@code ;} in it ({@code /api/v1/ehr;x=1/sessions})
 * is answered 404 before anything reads it — otherwise the routing, which drops matrix parameters,
 * and the choice of authentication mechanism, which reads the path as sent, would disagree about
 * which part of the API was asked for.
 */
@ApplicationScoped
public class PathGuard {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            String path = ctx.request().path();
            if (path != null && path.indexOf(';') >= 0) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff")
                        .end("{\"type\":\"https://visitwise.org/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                                + "\"detail\":\"There is nothing here.\"}");
                return;
            }
            ctx.next();
        });
    }
}
