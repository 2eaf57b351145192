package org.visitwise.audit;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes audit events as JSON lines to the dedicated {@value #CATEGORY} log category, which the
 * configuration routes to its own handler (stdout on Kubernetes, collected by the SIEM).
 */
@ApplicationScoped
public class AuditLog {

    public static final String CATEGORY = "visitwise.audit";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final AuditConfig config;
    private final Pseudonymizer pseudonymizer;
    private final Clock clock;
    private final AuditFeed feed;

    @Inject
    public AuditLog(AuditConfig config, Pseudonymizer pseudonymizer) {
        this(config, pseudonymizer, Clock.systemUTC());
    }

    AuditLog(AuditConfig config, Pseudonymizer pseudonymizer, Clock clock) {
        this.config = config;
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
        this.feed = new AuditFeed(config.feedCapacity());
    }

    /** Starts an event of the given type and subtype, stamped now and with this instance as source. */
    public AuditEventBuilder event(String type, String subtype) {
        return new AuditEventBuilder(this, pseudonymizer, clock.instant(), type, subtype, config.source());
    }

    /** The recent events kept in memory, for the audit endpoints. */
    public AuditFeed feed() {
        return feed;
    }

    public void record(AuditEvent event) {
        try {
            LOG.info(JSON.writeValueAsString(event));
            feed.append(event);
        } catch (JsonProcessingException e) {
            // cannot happen for this record; never drop an event silently
            throw new IllegalStateException("audit event not serialisable", e);
        }
    }
}
