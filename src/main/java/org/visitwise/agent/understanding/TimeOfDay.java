package org.visitwise.agent.understanding;

import java.time.LocalTime;
import java.util.Locale;

import org.visitwise.scheduling.PartOfDay;
import org.visitwise.scheduling.TimeWindow;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The time of day a patient asked for: a part of the day ({@code morning}, {@code afternoon},
 * {@code evening}) or a time with how it bounds the start ({@code before 12:00}, {@code after 15:00},
 * {@code at 10:00}).
 */
public record TimeOfDay(Kind kind, LocalTime time) {

    public enum Kind {
        MORNING, AFTERNOON, EVENING, BEFORE, AFTER, AT
    }

    public static TimeOfDay of(Kind kind) {
        return new TimeOfDay(kind, null);
    }

    /** Parses {@code morning} or {@code after 15:00}, as {@link #toString()} writes them. */
    public static TimeOfDay parse(String value) {
        String[] parts = value.trim().split(" ");
        Kind kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        return new TimeOfDay(kind, parts.length > 1 ? LocalTime.parse(parts[1]) : null);
    }

    /** The starts of the slots that answer it. */
    public TimeWindow window() {
        return switch (kind) {
            case MORNING -> PartOfDay.MORNING.window();
            case AFTERNOON -> PartOfDay.AFTERNOON.window();
            case EVENING -> PartOfDay.EVENING.window();
            case BEFORE -> new TimeWindow(LocalTime.MIN, time);
            case AFTER -> new TimeWindow(time, null);
            case AT -> new TimeWindow(time, time.plusHours(1).isBefore(time) ? null : time.plusHours(1));
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (time == null ? "" : " " + time);
    }
}
