package org.visitwise.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Audit configuration ({@code visitwise.audit.*}). */
@ConfigMapping(prefix = "visitwise.audit")
public interface AuditConfig {

    /**
     * Secret key of the keyed HMAC (SHA-256) that turns patient and resource ids into pseudonyms.
     * At least 32 characters. The practice keeps it to re-identify by recomputing; there is no default
     * outside dev and test.
     */
    String pseudonymKey();

    /** Name of this instance in the {@code source} field of every event (the pod name on Kubernetes). */
    @WithDefault("visitwise")
    String source();

    /**
     * How many recent events the instance keeps in memory for {@code GET /api/v1/ehr/audit-events}
     * and {@code GET /api/v1/audit-events} (PHI-free; the durable copy is the log stream).
     */
    @WithDefault("10000")
    int feedCapacity();

    /**
     * How many refusals of unauthenticated requests (failed logins, anonymous denials) the feed keeps,
     * apart from {@code feed-capacity}: noise from outside cannot push out the events that matter.
     * The log stream keeps them all.
     */
    @WithDefault("1000")
    int feedNoiseCapacity();

    /**
     * Ed25519 private key (PKCS#8 PEM file) signing the audit chain's checkpoints. Required: there is
     * no default outside dev and test (where the sandbox makes one at start-up).
     */
    java.nio.file.Path checkpointKey();

    /** A signed checkpoint after this many events ... */
    @WithDefault("1000")
    int checkpointEvery();

    /** ... and at least this often while events are written. */
    @WithDefault("5m")
    String checkpointInterval();
}
