package org.visitwise.ehr;

import java.util.EnumMap;
import java.util.Map;

/** The loaded minimum-necessary policy: one {@link PurposePolicy} for every {@link Purpose}. */
public final class ScopePolicy {

    private final Map<Purpose, PurposePolicy> policies;

    ScopePolicy(Map<Purpose, PurposePolicy> policies) {
        for (Purpose purpose : Purpose.values()) {
            if (!policies.containsKey(purpose)) {
                throw new IllegalStateException("no scope policy for purpose " + purpose);
            }
        }
        this.policies = new EnumMap<>(policies);
    }

    public PurposePolicy of(Purpose purpose) {
        return policies.get(purpose);
    }
}
