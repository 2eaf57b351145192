package org.visitwise.security;

/** Role names as they appear in the token's {@code groups} claim. */
public final class Roles {

    /** A patient acting for themselves. */
    public static final String PATIENT = "patient";
    /** Practice front-desk staff, scheduling for any patient of the practice. */
    public static final String FRONT_DESK = "front-desk";

    private Roles() {
    }
}
