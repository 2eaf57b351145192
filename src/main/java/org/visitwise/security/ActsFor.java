package org.visitwise.security;

import java.util.Arrays;

/** Whose data a role's caller reaches, and where that identity comes from. */
public enum ActsFor {
    /** The patient named by the caller's own token. */
    OWN_RECORD("own-record"),
    /** Any patient of the practice, named per request ({@code patient=Patient/<id>}). */
    NAMED_PATIENT("named-patient"),
    /** The practitioner named by the caller's own token: their own schedule. */
    OWN_SCHEDULE("own-schedule"),
    /** A patient asserted by a trusted system (the EHR) in its request. */
    ASSERTED_PATIENT("asserted-patient"),
    /** No patient and no practitioner data. */
    NOBODY("nobody");

    private final String code;

    ActsFor(String code) {
        this.code = code;
    }

    static ActsFor fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown acts-for '" + code + "'"));
    }
}
