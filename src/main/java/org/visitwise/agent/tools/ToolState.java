package org.visitwise.agent.tools;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.visitwise.scheduling.AppointmentView;

/**
 * What the scheduling tools keep for one conversation, in its session: the handles the patient (or
 * the model) was shown — S1, S2… for open times, A1, A2… for appointments, the only way to point at
 * either — the hold, and the change last made.
 */
public final class ToolState {

    final Map<String, String> slots = new LinkedHashMap<>();
    final Map<String, String> appointments = new LinkedHashMap<>();
    String holdId;
    LocalDate lastOfferedDay;
    AppointmentView changed;

    public boolean holding() {
        return holdId != null;
    }

    public Set<String> slotHandles() {
        return Set.copyOf(slots.keySet());
    }

    public Set<String> appointmentHandles() {
        return Set.copyOf(appointments.keySet());
    }

    /** The practice's day of the last time offered: "later dates" look from the day after. */
    public Optional<LocalDate> lastOfferedDay() {
        return Optional.ofNullable(lastOfferedDay);
    }

    /** The appointment booked, cancelled or moved since {@link #takeChanged()} was last called. */
    public Optional<AppointmentView> changed() {
        return Optional.ofNullable(changed);
    }

    /** The appointment booked, cancelled or moved since the last call, and forgets it. */
    public Optional<AppointmentView> takeChanged() {
        AppointmentView c = changed;
        changed = null;
        return Optional.ofNullable(c);
    }
}
