package org.visitwise.agent;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.visitwise.scheduling.AppointmentView;
import org.visitwise.scheduling.Party;
import org.visitwise.scheduling.SlotView;

/** How times, people and places read in the conversation. */
final class Labels {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE, MMM d 'at' h:mm a", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);

    private Labels() {
    }

    static String when(String offsetStart) {
        return WHEN.format(OffsetDateTime.parse(offsetStart));
    }

    static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    static String slot(SlotView slot) {
        return when(slot.time().start()) + " with " + name(slot.practitioner()) + " (" + name(slot.location()) + ")";
    }

    static String appointment(AppointmentView a) {
        return when(a.time().start()) + " with " + name(a.practitioner()) + " (" + name(a.location()) + ")";
    }

    private static String name(Party party) {
        return party == null || party.name() == null ? "the practice" : party.name();
    }
}
