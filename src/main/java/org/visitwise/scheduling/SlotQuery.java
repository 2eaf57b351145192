package org.visitwise.scheduling;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a patient asks for when looking for a slot. Every field is optional.
 *
 * @param practitionerId FHIR Practitioner id
 * @param locationId     FHIR Location id
 * @param visitType      one of the configured visit types
 * @param from           first day (practice time zone), default today
 * @param to             last day, inclusive, default {@code from} + the configured search days
 * @param time           which start times, in the practice's time zone
 */
public record SlotQuery(Optional<String> practitionerId, Optional<String> locationId, Optional<String> visitType,
        Optional<LocalDate> from, Optional<LocalDate> to, Optional<TimeWindow> time) {

    public static SlotQuery any() {
        return new SlotQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
