package org.visitwise.scheduling;

import java.time.LocalTime;

/**
 * Which start times, in the practice's time zone, a search accepts: from {@code from} (inclusive) to
 * {@code until} (exclusive; {@code null} for the end of the day).
 */
public record TimeWindow(LocalTime from, LocalTime until) {

    public TimeWindow {
        from = from == null ? LocalTime.MIN : from;
    }

    public boolean contains(LocalTime start) {
        return !start.isBefore(from) && (until == null || start.isBefore(until));
    }
}
