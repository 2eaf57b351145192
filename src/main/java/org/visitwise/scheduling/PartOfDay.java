package org.visitwise.scheduling;

import java.time.LocalTime;

/** Part of the practice's day a patient asks for: morning (before noon), afternoon (noon to 17:00), evening. */
public enum PartOfDay {
    MORNING(new TimeWindow(LocalTime.MIN, LocalTime.NOON)),
    AFTERNOON(new TimeWindow(LocalTime.NOON, LocalTime.of(17, 0))),
    EVENING(new TimeWindow(LocalTime.of(17, 0), null));

    private final TimeWindow window;

    PartOfDay(TimeWindow window) {
        this.window = window;
    }

    public TimeWindow window() {
        return window;
    }

    boolean contains(LocalTime localTime) {
        return window.contains(localTime);
    }
}
