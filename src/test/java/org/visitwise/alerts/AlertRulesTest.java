package org.visitwise.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.visitwise.audit.AuditEvent;
import org.visitwise.audit.AuditOutcome;

/** Each rule just under its threshold (quiet) and just over it (one alert, then quiet for a window). */
class AlertRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final List<AlertRules.Alert> alerts = new ArrayList<>();
    private final AlertRules rules = new AlertRules(config(3, Duration.ofMinutes(10)), alerts::add);

    @Test
    void oneIdentityTouchingTooManyDistinctPatients() {
        for (int i = 1; i <= 3; i++) {
            rules.accept(rest("staff-1", "hmac:p" + i, null, AuditOutcome.SUCCESS, T0.plusSeconds(i)));
            rules.accept(rest("staff-1", "hmac:p" + i, null, AuditOutcome.SUCCESS, T0.plusSeconds(i))); // same patient again
        }
        assertEquals(List.of(), alerts, "3 distinct patients is the threshold, not over it");
        rules.accept(rest("staff-2", "hmac:p4", null, AuditOutcome.SUCCESS, T0.plusSeconds(5)));
        assertEquals(List.of(), alerts, "another identity's patients do not count");
        rules.accept(rest("staff-1", "hmac:p4", null, AuditOutcome.SUCCESS, T0.plusSeconds(6)));
        assertEquals(1, alerts.size());
        assertEquals(AlertRules.DISTINCT_PATIENTS, alerts.get(0).rule());
        assertEquals("staff-1", alerts.get(0).subject());
        rules.accept(rest("staff-1", "hmac:p5", null, AuditOutcome.SUCCESS, T0.plusSeconds(7)));
        assertEquals(1, alerts.size(), "quiet for one window after an alert");
    }

    @Test
    void patientsOutsideTheWindowDoNotCount() {
        for (int i = 1; i <= 4; i++) {
            rules.accept(rest("staff-1", "hmac:p" + i, null, AuditOutcome.SUCCESS, T0.plus(Duration.ofMinutes(6L * i))));
        }
        assertEquals(List.of(), alerts);
    }

    @Test
    void failedLoginsFromOneClientAddress() {
        for (int i = 0; i < 3; i++) {
            rules.accept(loginFailure("hmac:client-a", T0.plusSeconds(i)));
            rules.accept(loginFailure("hmac:client-b", T0.plusSeconds(i)));
        }
        assertEquals(List.of(), alerts);
        rules.accept(loginFailure("hmac:client-a", T0.plusSeconds(10)));
        assertEquals(1, alerts.size());
        assertEquals(AlertRules.FAILED_LOGINS, alerts.get(0).rule());
        assertEquals("hmac:client-a", alerts.get(0).client());
    }

    @Test
    void aBurstOfScopeDenials() {
        for (int i = 0; i < 3; i++) {
            rules.accept(rest("someone-" + i, null, "scope-denied:outside-patient-compartment", AuditOutcome.MINOR_FAILURE,
                    T0.plusSeconds(i)));
            rules.accept(rest("someone-" + i, null, "not-found", AuditOutcome.MINOR_FAILURE, T0.plusSeconds(i)));
        }
        assertEquals(List.of(), alerts);
        rules.accept(rest("x", null, "scope-denied:resource-not-in-scope", AuditOutcome.MINOR_FAILURE, T0.plusSeconds(9)));
        assertEquals(List.of(AlertRules.SCOPE_DENIALS), alerts.stream().map(AlertRules.Alert::rule).toList());
    }

    @Test
    void anEhrErrorSpike() {
        for (int i = 0; i < 3; i++) {
            rules.accept(rest("agent", null, "unavailable", AuditOutcome.SERIOUS_FAILURE, T0.plusSeconds(i)));
        }
        assertEquals(List.of(), alerts);
        rules.accept(rest("agent", null, "unavailable", AuditOutcome.SERIOUS_FAILURE, T0.plusSeconds(4)));
        assertEquals(List.of(AlertRules.EHR_ERRORS), alerts.stream().map(AlertRules.Alert::rule).toList());
    }

    private static AuditEvent rest(String actor, String patient, String reason, AuditOutcome outcome, Instant at) {
        return new AuditEvent(at, "rest", "read", "R", outcome, actor, "front-desk", "front-desk-scheduling", null,
                "Appointment", null, patient, List.of(), null, reason, "test", null, null, null);
    }

    private static AuditEvent loginFailure(String client, Instant at) {
        return new AuditEvent(at, "security", "login-failure", "E", AuditOutcome.MINOR_FAILURE, null, null, null, null,
                null, null, null, List.of(), 401, "authentication-failed", "test", null, null, client);
    }

    static AlertConfig config(int threshold, Duration window) {
        AlertConfig.Rule rule = new AlertConfig.Rule() {
            public int threshold() {
                return threshold;
            }

            public Duration window() {
                return window;
            }
        };
        return new AlertConfig() {
            public Rule distinctPatients() {
                return rule;
            }

            public Rule failedLogins() {
                return rule;
            }

            public Rule scopeDenials() {
                return rule;
            }

            public Rule ehrErrors() {
                return rule;
            }
        };
    }
}
