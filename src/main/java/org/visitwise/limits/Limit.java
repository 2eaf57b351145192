package org.visitwise.limits;

import java.time.Duration;
import java.util.Locale;

/** The limits, by name: the fixed vocabulary of their metrics tags and audit reasons. */
public enum Limit {
    CONVERSATIONS_PER_SUBJECT, CONVERSATIONS_PER_ADDRESS, TURNS_PER_CONVERSATION, HOLDS_PER_PATIENT,
    BOOKINGS_PER_PATIENT, FAILED_AUTHENTICATIONS_PER_ADDRESS;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    int count(LimitsConfig c) {
        return switch (this) {
            case CONVERSATIONS_PER_SUBJECT -> c.conversationsPerSubjectCount();
            case CONVERSATIONS_PER_ADDRESS -> c.conversationsPerAddressCount();
            case TURNS_PER_CONVERSATION -> c.turnsPerConversationCount();
            case HOLDS_PER_PATIENT -> c.holdsPerPatientCount();
            case BOOKINGS_PER_PATIENT -> c.bookingsPerPatientCount();
            case FAILED_AUTHENTICATIONS_PER_ADDRESS -> c.failedAuthenticationsPerAddressCount();
        };
    }

    Duration per(LimitsConfig c) {
        return switch (this) {
            case CONVERSATIONS_PER_SUBJECT -> c.conversationsPerSubjectPer();
            case CONVERSATIONS_PER_ADDRESS -> c.conversationsPerAddressPer();
            case TURNS_PER_CONVERSATION -> c.turnsPerConversationPer();
            case HOLDS_PER_PATIENT -> c.holdsPerPatientPer();
            case BOOKINGS_PER_PATIENT -> c.bookingsPerPatientPer();
            case FAILED_AUTHENTICATIONS_PER_ADDRESS -> c.failedAuthenticationsPerAddressPer();
        };
    }
}
