package org.visitwise.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.visitwise.audit.AuditLog;
import org.visitwise.audit.AuditOutcome;

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

    SecurityAuditor(AuditLog audit) {
        this.audit = audit;
    }

    void authenticationFailed(@Observes AuthenticationFailureEvent event) {
        audit.event("security", "login-failure").action('E')
                .failure(AuditOutcome.MINOR_FAILURE, 401, "authentication-failed").record();
    }

    void accessDenied(@Observes AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        boolean anonymous = identity == null || identity.isAnonymous();
        String subject = !anonymous && identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        audit.event("security", "access-denied").action('E').actor(subject, null)
                .failure(AuditOutcome.MINOR_FAILURE, anonymous ? 401 : 403,
                        anonymous ? "authentication-required" : "forbidden")
                .record();
    }
}
