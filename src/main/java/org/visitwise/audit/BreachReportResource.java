package org.visitwise.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.visitwise.api.InvalidRequestException;
import org.visitwise.security.Permissions;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The breach-support report for administrators, over the events this instance still holds in memory
 * ({@code visitwise.audit.feed-capacity}); for older or several instances' events, run
 * {@link BreachReportCli} on the SIEM's file. Each report asked for is itself an audit event.
 */
@Path("/api/v1/breach-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class BreachReportResource {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(31);

    private final AuditLog audit;
    private final SecurityIdentity identity;

    BreachReportResource(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @PermissionsAllowed(Permissions.AUDIT_READ)
    @Operation(summary = "Sessions, actions and pseudonymous patients of one identity in a time window")
    public BreachReport report(@RestQuery String from, @RestQuery String to, @RestQuery String actor, @RestQuery String client) {
        Instant start = instant(from);
        Instant end = instant(to);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw new InvalidRequestException("from must be before to, at most 31 days apart.");
        }
        if ((actor == null) == (client == null) || actor != null && !actor.matches("[A-Za-z0-9._:@\\-]{1,128}")
                || client != null && !client.matches("hmac:[0-9a-f]{32}")) {
            throw new InvalidRequestException("Name exactly one identity: actor=<subject> or client=hmac:<32 hex>.");
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        BreachReport report = BreachReport.of(audit.feed().since(start, Integer.MAX_VALUE).stream().map(AuditFeed.Entry::event), start, end, actor, client);
        audit.event("security", "breach-report").action('R').actor(subject, null).record();
        return report;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("from and to are ISO-8601 instants, e.g. 2026-11-22T09:00:00Z.");
        }
    }
}
