package org.visitwise.forwarding;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Forwarding of the audit stream to the EHR as FHIR AuditEvent resources ({@code visitwise.audit.forwarding.*}). */
@ConfigMapping(prefix = "visitwise.audit.forwarding")
public interface ForwardingConfig {

    /** Forward at all (the log stream is always written). */
    @WithDefault("false")
    boolean enabled();

    /** How often a batch is sent. */
    @WithDefault("30S")
    Duration interval();

    /** Most events per transaction Bundle. */
    @WithDefault("100")
    int batchSize();

    /** Events held while the EHR is slow or down; beyond, new events are not forwarded and an alert is raised. */
    @WithDefault("10000")
    int capacity();

    /** Longest wait between attempts while the EHR keeps failing (doubling from the interval). */
    @WithDefault("5M")
    Duration maxBackoff();
}
