package org.visitwise.audit;

import java.time.Instant;
import java.util.List;

import org.visitwise.api.CurrentRequest;

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
    private String role;
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
    private String client;

    AuditEventBuilder(AuditLog log, Pseudonymizer pseudonymizer, Instant recorded, String type, String subtype,
            String source) {
        this.log = log;
        this.pseudonymizer = pseudonymizer;
        this.recorded = recorded;
        this.type = type;
        this.subtype = subtype;
        this.source = source;
        // the request being served, if any: its correlation id and the caller's role
        this.correlationId = CurrentRequest.id();
        this.role = CurrentRequest.role();
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

    /** The conversation, and a correlation id where it is not the current request's. */
    public AuditEventBuilder session(String sessionId, String correlationId) {
        this.sessionId = sessionId;
        if (correlationId != null) {
            this.correlationId = correlationId;
        }
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

    /** A short, PHI-free code or text saying why. */
    public AuditEventBuilder reason(String reason) {
        this.reason = reason;
        return this;
    }

    /** A client address already pseudonymized (as it appears in another event). */
    public AuditEventBuilder clientPseudonym(String pseudonym) {
        this.client = pseudonym;
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

    /** The caller's network address, stored only as a keyed-HMAC pseudonym. */
    public AuditEventBuilder client(String address) {
        this.client = address == null ? null : pseudonymizer.pseudonym("client/" + address);
        return this;
    }

    public AuditEvent build() {
        return new AuditEvent(recorded, type, subtype, action, outcome, actor, role, purpose, sessionId, resourceType,
                entity, patient, queryParameters, status, reason, source, correlationId, channel, client);
    }

    public void record() {
        log.record(build());
    }
}
