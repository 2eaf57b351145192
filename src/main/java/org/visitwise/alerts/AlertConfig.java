package org.visitwise.alerts;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * SIEM-style alert rules over the audit stream ({@code visitwise.alerts.*}). A rule fires when its count
 * within its window goes over its threshold, then stays quiet for that key for one window.
 */
@ConfigMapping(prefix = "visitwise.alerts")
public interface AlertConfig {

    /** One identity touching more than {@code threshold} distinct patients within {@code window}. */
    Rule distinctPatients();

    /** More than {@code threshold} failed authentications from one client address (or subject). */
    Rule failedLogins();

    /** More than {@code threshold} scope denials (FHIR requests refused by the policy), anyone's. */
    Rule scopeDenials();

    /** More than {@code threshold} failed EHR calls (5xx, timeouts, unreadable answers). */
    Rule ehrErrors();

    /** A rule's threshold and window. */
    interface Rule {
        int threshold();

        Duration window();
    }
}
