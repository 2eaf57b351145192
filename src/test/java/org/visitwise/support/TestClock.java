package org.visitwise.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * The one clock of a test run: the application's (request threads and sweepers alike), the sandbox
 * practice's (its first day is "tomorrow" by this clock) and the tests' own date arithmetic.
 * <p>
 * It starts at the instant named by the system property {@value #PROPERTY} — a local date-time in the
 * practice's zone ({@code 2026-12-04T16:30}) or a zoned one ({@code 2027-11-07T01:30-05:00[America/New_York]}
 * for the second 01:30 of an autumn night) — or, without it, at the real time the run starts. From there
 * it runs at real speed; tests move it with {@link #advance} and {@link #travelTo} and put it back with
 * {@link #reset()}. No test reads the wall clock or the machine's time zone directly: they ask this class.
 * <p>
 * Token lifetimes are the one exception: the OIDC and JWT libraries check {@code exp} against the
 * system clock, so tokens are issued on the system clock whatever instant the run is set to.
 */
public final class TestClock extends Clock {

    /** The system property that sets the instant a run starts at. */
    public static final String PROPERTY = "visitwise.test.now";
    /** The sandbox practice's zone (its slots are 09:00-17:00 there). */
    public static final ZoneId PRACTICE_ZONE = ZoneId.of("America/New_York");

    private static final Instant START = start(System.getProperty(PROPERTY));
    private static final long STARTED_NANOS = System.nanoTime();
    private static volatile Duration offset = Duration.ZERO;

    /** Now, by the test clock. */
    public static Instant now() {
        return START.plusNanos(System.nanoTime() - STARTED_NANOS).plus(offset);
    }

    /** Now on the practice's wall clock. */
    public static ZonedDateTime practiceNow() {
        return now().atZone(PRACTICE_ZONE);
    }

    /** Today in the practice's zone. */
    public static LocalDate practiceToday() {
        return practiceNow().toLocalDate();
    }

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock to {@code instant} (forwards or back). */
    public static void travelTo(Instant instant) {
        offset = offset.plus(Duration.between(now(), instant));
    }

    /** Back to the run's own time line: its start instant plus the real time elapsed. */
    public static void reset() {
        offset = Duration.ZERO;
    }

    /** Parses {@value #PROPERTY}: absent or blank means the real time now. */
    static Instant start(String value) {
        if (value == null || value.isBlank()) {
            return Instant.now();
        }
        try {
            return ZonedDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException notZoned) {
            try {
                return LocalDateTime.parse(value.trim()).atZone(PRACTICE_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(PROPERTY + " must be an ISO date-time such as 2026-12-04T16:30 "
                        + "(practice zone) or 2027-11-07T01:30-05:00[America/New_York], not " + value, e);
            }
        }
    }

    private final ZoneId zone;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time line seen from another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other);
    }

    @Override
    public Instant instant() {
        return now();
    }

    /** Replaces the application's clock producer in every test run. */
    @ApplicationScoped
    static class Producer {

        @Produces
        @Alternative
        @Priority(1)
        @ApplicationScoped
        Clock clock() {
            return new TestClock(ZoneOffset.UTC);
        }
    }
}
