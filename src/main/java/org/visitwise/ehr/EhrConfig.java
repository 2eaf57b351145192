package org.visitwise.ehr;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The EHR connection ({@code visitwise.ehr.*}). TLS material is configured through the Quarkus TLS
 * registry under the name {@code ehr} ({@code quarkus.tls.ehr.*}).
 */
@ConfigMapping(prefix = "visitwise.ehr")
public interface EhrConfig {

    /** FHIR R4 base URL of the practice's EHR; must be {@code https}. */
    URI baseUrl();

    /** Directory holding the scope policy files; when unset, the copy shipped in the application. */
    Optional<Path> scopesDirectory();

    /** {@code _count} added to every search that does not set one. */
    @WithDefault("20")
    int defaultCount();

    /**
     * How long the readiness check's answer from the EHR is reused: probes, however many and from
     * whomever, ask the EHR at most once in this time.
     */
    @WithDefault("30s")
    Duration readinessCache();

    /** The agent's own identity as the actor of calls it makes without a user (health checks). */
    @WithDefault("visitwise-agent")
    String agentId();
}
