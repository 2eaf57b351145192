package org.visitwise.ehr;

/**
 * A FHIR RESTful interaction, with the SMART v2 permission it needs and its audit action code.
 */
public enum Interaction {
    READ('r', "read", 'R'),
    SEARCH('s', "search-type", 'E'),
    CREATE('c', "create", 'C'),
    UPDATE('u', "update", 'U'),
    DELETE('d', "delete", 'D'),
    /** A transaction Bundle: each entry is checked with its own interaction. */
    TRANSACTION(' ', "transaction", 'E'),
    /** {@code GET [base]/metadata}: the server's CapabilityStatement, no patient data. */
    CAPABILITIES(' ', "capabilities", 'E');

    private final char permission;
    private final String code;
    private final char auditAction;

    Interaction(char permission, String code, char auditAction) {
        this.permission = permission;
        this.code = code;
        this.auditAction = auditAction;
    }

    /** The SMART v2 permission letter ({@code c r u d s}), or a blank for interactions without one. */
    public char permission() {
        return permission;
    }

    /** The FHIR interaction code (as in a CapabilityStatement and a BALP subtype). */
    public String code() {
        return code;
    }

    /** FHIR AuditEvent.action: C, R, U, D or E. */
    public char auditAction() {
        return auditAction;
    }
}
