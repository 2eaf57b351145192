package org.visitwise.audit;

import java.time.Instant;
import java.util.List;

/** Fills an {@link AuditEvent} field by field; {@link #record} writes it. */
public final class AuditEventBuilder {

    private final AuditLog log;
    private final Pseudonymizer pseudonymizer;
    private final Instant recorded;
    private final String type;
    private final String subtype;
    private final String source;
    private String action = "E";
    private AuditOutcome outcome = AuditOutcome.SUCCESS;
    private String actor;
    private String purpose;
    private String sessionId;
    private String resourceType;
    private String entity;
    private String patient;
    private List<String> queryParameters = List.of();
    private Integer status;
    private String reason;
    private String correlationId;
    private String channel;

    AuditEventBuilder(AuditLog log, Pseudonymizer pseudonymizer, Instant recorded, String type, String subtype,
            String source) {
        this.log = log;
        this.pseudonymizer = pseudonymizer;
        this.recorded = recorded;
        this.type = type;
        this.subtype = subtype;
        this.source = source;
    }

    public AuditEventBuilder action(char action) {
        this.action = String.valueOf(action);
        return this;
    }

    public AuditEventBuilder outcome(AuditOutcome outcome) {
        this.outcome = outcome;
        return this;
    }

    public AuditEventBuilder actor(String actor, String purpose) {
        this.actor = actor;
        this.purpose = purpose;
        return this;
    }

    public AuditEventBuilder session(String sessionId, String correlationId) {
        this.sessionId = sessionId;
        this.correlationId = correlationId;
        return this;
    }

    /**
     * The resource touched: its type and, when known, its reference ({@code Type/id}), which is
     * stored only as a keyed-HMAC pseudonym.
     */
    public AuditEventBuilder entity(String resourceType, String reference) {
        this.resourceType = resourceType;
        this.entity = pseudonymizer.pseudonym(reference);
        return this;
    }

    /** The patient whose data it is ({@code Patient/id}), stored only as a keyed-HMAC pseudonym. */
    public AuditEventBuilder patient(String patientReference) {
        this.patient = pseudonymizer.pseudonym(patientReference);
        return this;
    }

    public AuditEventBuilder queryParameters(List<String> names) {
        this.queryParameters = names;
        return this;
    }

    public AuditEventBuilder failure(AuditOutcome outcome, Integer status, String reason) {
        this.outcome = outcome;
        this.status = status;
        this.reason = reason;
        return this;
    }

    public AuditEventBuilder status(Integer status) {
        this.status = status;
        return this;
    }

    /** The channel of a conversation (web, sms, voice, portal). */
    public AuditEventBuilder channel(String channel) {
        this.channel = channel;
        return this;
    }

    public AuditEvent build() {
        return new AuditEvent(recorded, type, subtype, action, outcome, actor, purpose, sessionId, resourceType,
                entity, patient, queryParameters, status, reason, source, correlationId, channel);
    }

    public void record() {
        log.record(build());
    }
}
