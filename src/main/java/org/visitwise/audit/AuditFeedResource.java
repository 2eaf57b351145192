package org.visitwise.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
 * The PHI-free audit stream of this instance: for the EHR's own audit system (service account,
 * {@code /api/v1/ehr/audit-events}) and for the practice's administrators ({@code /api/v1/audit-events}).
 * Page with {@code since=<instant>} for the first call and {@code after=<next>} from then on. Each read
 * is itself an audit event.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditFeedResource {

    /**
     * A page of events in chain order. {@code next} is the position to ask {@code after} next time;
     * {@code chain} changes when the instance restarts (positions start again at 1).
     */
    public record Page(String chain, List<AuditFeed.Entry> events, long next) {
    }

    private final AuditLog audit;
    private final SecurityIdentity identity;

    AuditFeedResource(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Path("ehr/audit-events")
    @PermissionsAllowed(Permissions.AUDIT_EXPORT)
    @Operation(summary = "Collect the audit stream (EHR service accounts)")
    public Page export(@RestQuery String since, @RestQuery @Min(0) Long after,
            @RestQuery @DefaultValue("500") @Min(1) @Max(1000) int limit) {
        return read("audit-export", since, after, limit);
    }

    @GET
    @Path("audit-events")
    @PermissionsAllowed(Permissions.AUDIT_READ)
    @Operation(summary = "Review the audit stream (practice administrators)")
    public Page review(@RestQuery String since, @RestQuery @Min(0) Long after,
            @RestQuery @DefaultValue("500") @Min(1) @Max(1000) int limit) {
        return read("audit-review", since, after, limit);
    }

    private Page read(String subtype, String since, Long after, int limit) {
        if (since != null && after != null) {
            throw new InvalidRequestException("Page by since (a time) or after (a position), not both.");
        }
        List<AuditFeed.Entry> events = after != null ? audit.feed().after(after, limit) : audit.feed().since(parse(since), limit);
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        audit.event("security", subtype).action('R').actor(subject, null).record();
        // nothing new: after the same position again (or, for a time, after everything held, all older)
        long next = !events.isEmpty() ? events.get(events.size() - 1).seq() : after != null ? after : audit.feed().lastSeq();
        return new Page(audit.chainId(), events, next);
    }

    private static Instant parse(String since) {
        if (since == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since must be an ISO-8601 instant, e.g. 2026-11-22T09:00:00Z.");
        }
    }
}
