package org.visitwise.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Abuse limits as policy ({@code visitwise.limits.*}): how much one caller may do in a period. Each is
 * a token bucket (Bucket4j) of {@code count} refilled over {@code per}; a request beyond it gets 429
 * with {@code Retry-After}. The buckets live in this instance's memory: with several instances, each
 * allows its own share (see the README).
 */
@ConfigMapping(prefix = "visitwise.limits")
public interface LimitsConfig {

    /** Conversations one person (token subject) may open. */
    @WithDefault("10")
    int conversationsPerSubjectCount();

    @WithDefault("15m")
    Duration conversationsPerSubjectPer();

    /** Conversations one client address may open (a practice's shared connection is one address). */
    @WithDefault("60")
    int conversationsPerAddressCount();

    @WithDefault("15m")
    Duration conversationsPerAddressPer();

    /** Turns (messages and quick replies) in one conversation. */
    @WithDefault("30")
    int turnsPerConversationCount();

    @WithDefault("1m")
    Duration turnsPerConversationPer();

    /** Holds one patient may place (at most one is active at a time, whatever this allows). */
    @WithDefault("20")
    int holdsPerPatientCount();

    @WithDefault("1h")
    Duration holdsPerPatientPer();

    /** Bookings (new appointments and reschedules) for one patient. */
    @WithDefault("5")
    int bookingsPerPatientCount();

    @WithDefault("24h")
    Duration bookingsPerPatientPer();

    /** Failed authentications from one client address before its requests are refused unread. */
    @WithDefault("20")
    int failedAuthenticationsPerAddressCount();

    @WithDefault("1m")
    Duration failedAuthenticationsPerAddressPer();

    /** How many callers' buckets are kept at most (the least recently used are dropped). */
    @WithDefault("100000")
    int maxTracked();
}
