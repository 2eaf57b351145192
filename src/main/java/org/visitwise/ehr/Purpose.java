package org.visitwise.ehr;

import java.util.Arrays;
import java.util.Optional;

/**
 * Purpose of use of an EHR request. Each purpose has exactly one policy file in {@code scopes/}
 * ({@code <code>.yaml}); the policy, not this enum, decides what the purpose may touch.
 */
public enum Purpose {
    /** A patient acting on their own appointments (patient compartment only). */
    PATIENT_SELF_SCHEDULING("patient-self-scheduling"),
    /** Practice staff scheduling on behalf of any patient of the practice. */
    FRONT_DESK_SCHEDULING("front-desk-scheduling"),
    /** Billing staff reading a named patient's appointments. */
    BILLING_REVIEW("billing-review"),
    /** A provider reading their own schedule. */
    PROVIDER_SCHEDULE("provider-schedule"),
    /** The EHR's own systems, and the agent acting without a user. */
    EHR_SERVICE("ehr-service");

    private final String code;

    Purpose(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Purpose> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
