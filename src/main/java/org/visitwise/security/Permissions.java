package org.visitwise.security;

/**
 * The permissions endpoints require ({@code @PermissionsAllowed}); which role holds which is data,
 * in {@code scopes/roles.yaml}.
 */
public final class Permissions {

    public static final String SLOTS_READ = "slots:read";
    public static final String APPOINTMENTS_READ = "appointments:read";
    public static final String APPOINTMENTS_WRITE = "appointments:write";
    /** Talk with the agent as a patient, or as staff for a patient. */
    public static final String CONVERSATIONS_USE = "conversations:use";
    /** Open and relay conversations on a patient's behalf (the EHR's SMS or voice gateway). */
    public static final String CONVERSATIONS_RELAY = "conversations:relay";
    /** Review the audit trail (practice administrators). */
    public static final String AUDIT_READ = "audit:read";
    /** Collect the audit stream (the EHR's audit system). */
    public static final String AUDIT_EXPORT = "audit:export";

    private Permissions() {
    }
}
