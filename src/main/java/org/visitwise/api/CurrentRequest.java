package org.visitwise.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the audit trail needs to know of the request being served, kept on its routing context: the
 * correlation id — a new UUID per request, returned in the {@code X-Request-Id} response header (a
 * caller's own {@code X-Request-Id} is not used: it could carry anything, a name or a record number,
 * into the audit trail) — and the caller's role once authenticated. Every audit event a request causes
 * carries both, so a SIEM can join them, and a caller can quote the id it was given.
 */
@ApplicationScoped
public class CurrentRequest {

    public static final String HEADER = "X-Request-Id";
    private static final String ID = "visitwise.request-id";
    private static final String ROLE = "visitwise.role";
    private static final String ADDRESS = "visitwise.client-address";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = UUID.randomUUID().toString();
            ctx.put(ID, id);
            ctx.response().putHeader(HEADER, id);
            // also on the request's Vert.x context, for what runs outside the REST layer (authentication)
            if (VertxContext.isOnDuplicatedContext()) {
                ContextLocals.put(ID, id);
                ContextLocals.put(ADDRESS, ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress());
            }
            ctx.next();
        });
    }

    /** The correlation id of a request. */
    public static String id(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(ID);
    }

    /** Records the authenticated caller's role on its request. */
    public static void role(RoutingContext ctx, String role) {
        if (ctx != null) {
            ctx.put(ROLE, role);
        }
    }

    /** The correlation id of the request served on this thread, or null outside a request. */
    public static String id() {
        String id = id(routingContext());
        return id != null || !VertxContext.isOnDuplicatedContext() ? id : ContextLocals.<String>get(ID).orElse(null);
    }

    /** The network address of the caller of the request served on this thread, or null. */
    public static String clientAddress() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<String>get(ADDRESS).filter(a -> !a.isEmpty()).orElse(null)
                : null;
    }

    /** The role of the caller of the request served on this thread, or null. */
    public static String role() {
        RoutingContext ctx = routingContext();
        return ctx == null ? null : ctx.get(ROLE);
    }

    private static RoutingContext routingContext() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class);
        return current.isAvailable() ? current.get().getCurrent() : null;
    }
}
