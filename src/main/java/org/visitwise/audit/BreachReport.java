package org.visitwise.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a covered entity needs to start its breach-notification duty, from the audit stream alone: for
 * a time window and one identity (an opaque subject, or a pseudonymous client address, e.g. from an
 * alert), the sessions, actions and pseudonymous patients involved. It re-identifies nothing: the
 * practice recomputes pseudonyms with its key to know who the patients are.
 *
 * @param from          start of the window (inclusive)
 * @param to            end of the window (exclusive)
 * @param actor         the subject asked about, or null
 * @param client        the client-address pseudonym asked about, or null
 * @param events        how many events matched
 * @param first         first matching event, or null
 * @param last          last matching event, or null
 * @param sessions      conversations involved
 * @param correlationIds requests involved
 * @param actions       counts by {@code type/subtype/outcome}
 * @param resourceTypes FHIR resource types touched
 * @param patients      pseudonyms of the patients whose data was touched (or attempted)
 * @param alerts        alerts raised about this identity in the window
 */
public record BreachReport(Instant from, Instant to, String actor, String client, int events, Instant first, Instant last,
        List<String> sessions, List<String> correlationIds, Map<String, Long> actions, List<String> resourceTypes,
        List<String> patients, List<String> alerts) {

    /** Builds the report from events in any order. */
    public static BreachReport of(Stream<AuditEvent> stream, Instant from, Instant to, String actor, String client) {
        if ((actor == null) == (client == null)) {
            throw new IllegalArgumentException("one of actor or client");
        }
        List<AuditEvent> matched = stream
                .filter(e -> !e.recorded().isBefore(from) && e.recorded().isBefore(to))
                .filter(e -> actor != null ? actor.equals(e.actor()) : client.equals(e.client()))
                .sorted((a, b) -> a.recorded().compareTo(b.recorded()))
                .toList();
        return new BreachReport(from, to, actor, client, matched.size(),
                matched.isEmpty() ? null : matched.get(0).recorded(),
                matched.isEmpty() ? null : matched.get(matched.size() - 1).recorded(),
                distinct(matched.stream().map(AuditEvent::sessionId)),
                distinct(matched.stream().map(AuditEvent::correlationId)),
                matched.stream().filter(e -> !"alert".equals(e.type()))
                        .collect(Collectors.groupingBy(e -> e.type() + "/" + e.subtype() + "/" + e.outcome().code(), TreeMap::new,
                                Collectors.counting())),
                distinct(matched.stream().map(AuditEvent::resourceType)),
                distinct(matched.stream().map(AuditEvent::patient)),
                distinct(matched.stream().filter(e -> "alert".equals(e.type())).map(e -> e.subtype() + " " + e.reason())));
    }

    private static List<String> distinct(Stream<String> values) {
        return List.copyOf(values.filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new)));
    }
}
