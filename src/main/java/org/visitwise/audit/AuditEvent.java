package org.visitwise.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One PHI-free audit event, written as one JSON line. Shaped after FHIR AuditEvent / IHE BALP, with
 * one deliberate difference: patients and resources appear only as keyed-HMAC pseudonyms, and a
 * search only by its parameter names, never their values.
 *
 * @param recorded        when it happened
 * @param type            {@code rest} for FHIR interactions, {@code security} for security actions
 * @param subtype         the FHIR interaction ({@code read}, {@code search-type}, ...) or action
 * @param action          C, R, U, D or E
 * @param outcome         0 success, 4 minor failure, 8 serious failure
 * @param actor           unique id of the user or service that acted
 * @param role            the actor's role (scopes/roles.yaml), when it acted through the API
 * @param purpose         purpose of use
 * @param sessionId       session the action belongs to, if any
 * @param resourceType    FHIR resource type touched, if any
 * @param entity          pseudonym of the resource touched ({@code Type/id}), if known
 * @param patient         pseudonym of the patient whose data it is, if known
 * @param queryParameters search parameter names, without values
 * @param status          HTTP status the EHR answered with, if any
 * @param reason          why it failed or was refused, a short code
 * @param source          this instance
 * @param correlationId   id of the request that caused it
 * @param channel         how the conversation reaches the patient (web, sms, voice, portal), for sessions
 * @param client          keyed-HMAC pseudonym of the caller's network address, for security events
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AuditEvent(Instant recorded, String type, String subtype, String action, AuditOutcome outcome,
        String actor, String role, String purpose, String sessionId, String resourceType, String entity, String patient,
        List<String> queryParameters, Integer status, String reason, String source, String correlationId, String channel, String client) {

    public AuditEvent {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(outcome, "outcome");
        queryParameters = queryParameters == null ? List.of() : List.copyOf(queryParameters);
    }
}
