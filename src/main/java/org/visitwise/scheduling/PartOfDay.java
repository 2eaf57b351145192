package org.visitwise.scheduling;

import java.time.LocalTime;

/** Part of the practice's day a patient asks for. */
public enum PartOfDay {
    MORNING, AFTERNOON;

    static final LocalTime NOON = LocalTime.NOON;

    boolean contains(LocalTime localTime) {
        return this == MORNING ? localTime.isBefore(NOON) : !localTime.isBefore(NOON);
    }
}
