package org.visitwise.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.visitwise.api.CurrentRequest;
import org.visitwise.audit.AuditLog;
import org.visitwise.audit.AuditOutcome;
import org.visitwise.limits.Limit;
import org.visitwise.limits.RateLimits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;

/**
 * Failed authentications and refused requests become audit events. Nothing of the token is written:
 * the actor is the subject of a verified token only, never a user name or e-mail address.
 */
@ApplicationScoped
public class SecurityAuditor {

    private final AuditLog audit;
    private final Counter failedLogins;
    private final Counter denials;

    private final RateLimits limits;

    SecurityAuditor(AuditLog audit, MeterRegistry metrics, RateLimits limits) {
        this.audit = audit;
        this.limits = limits;
        this.failedLogins = Counter.builder("visitwise.security.login.failures")
                .description("Requests refused because their credentials could not be verified").register(metrics);
        this.denials = Counter.builder("visitwise.security.denials")
                .description("Requests refused for want of identity or permission").register(metrics);
    }

    void authenticationFailed(@Observes AuthenticationFailureEvent event) {
        failedLogins.increment();
        limits.count(Limit.FAILED_AUTHENTICATIONS_PER_ADDRESS, CurrentRequest.clientAddress());
        audit.event("security", "login-failure").action('E').client(CurrentRequest.clientAddress())
                .failure(AuditOutcome.MINOR_FAILURE, 401, "authentication-failed").record();
    }

    void accessDenied(@Observes AuthorizationFailureEvent event) {
        denials.increment();
        SecurityIdentity identity = event.getSecurityIdentity();
        boolean anonymous = identity == null || identity.isAnonymous();
        String subject = !anonymous && identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        audit.event("security", "access-denied").action('E').actor(subject, null).client(CurrentRequest.clientAddress())
                .failure(AuditOutcome.MINOR_FAILURE, anonymous ? 401 : 403,
                        anonymous ? "authentication-required" : "forbidden")
                .record();
    }
}
