package org.visitwise.audit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.scheduler.Scheduled;

/**
 * Writes audit events as JSON lines to the dedicated {@value #CATEGORY} log category, which the
 * configuration routes to its own handler (stdout on Kubernetes, collected by the SIEM). Every line is
 * sealed into this instance's hash chain, with a signed checkpoint every
 * {@code visitwise.audit.checkpoint-every} events and every {@code visitwise.audit.checkpoint-interval};
 * {@link AuditVerify} checks a file of them. Listeners (alert rules, metrics) see each event after it
 * is written.
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
    private final AuditChain chain;
    private final List<Consumer<AuditEvent>> listeners = new CopyOnWriteArrayList<>();

    @Inject
    public AuditLog(AuditConfig config, Pseudonymizer pseudonymizer, Clock clock) {
        this.config = config;
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
        this.feed = new AuditFeed(config.feedCapacity(), config.feedNoiseCapacity());
        this.chain = new AuditChain(JSON, CheckpointSigner.fromPem(config.checkpointKey()), config.source(),
                config.checkpointEvery());
    }

    /** Starts an event of the given type and subtype, stamped now and with this instance as source. */
    public AuditEventBuilder event(String type, String subtype) {
        return new AuditEventBuilder(this, pseudonymizer, clock.instant(), type, subtype, config.source());
    }

    /** The recent events kept in memory, for the audit endpoints. */
    public AuditFeed feed() {
        return feed;
    }

    /** This instance's chain id (in every line it writes). */
    public String chainId() {
        return chain.chainId();
    }

    /** Called with every event after it is written (alert rules, metrics); never with PHI, as events hold none. */
    public void addListener(Consumer<AuditEvent> listener) {
        listeners.add(listener);
    }

    public void record(AuditEvent event) {
        synchronized (chain) {
            LOG.info(chain.seal(event));
            // in the feed under its chain position, in the same order as written
            feed.append(chain.seq(), event);
            if (chain.checkpointDue()) {
                LOG.info(chain.checkpoint(clock.instant()));
            }
        }
        for (Consumer<AuditEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    /** Signs the chain's head now if anything was written since the last checkpoint. */
    @Scheduled(every = "${visitwise.audit.checkpoint-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void checkpoint() {
        synchronized (chain) {
            if (chain.eventsSinceCheckpoint()) {
                LOG.info(chain.checkpoint(clock.instant()));
            }
        }
    }
}
