package org.visitwise.agent.understanding;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a patient's message asks for. */
public enum Intent {
    BOOK, CANCEL, RESCHEDULE, LIST, HELP, CLINICAL, EMERGENCY, OTHER;

    /** When two intents are equally sure, the first of these wins. */
    static final Intent[] PRECEDENCE = { HELP, RESCHEDULE, CANCEL, LIST, BOOK, CLINICAL, OTHER };

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
