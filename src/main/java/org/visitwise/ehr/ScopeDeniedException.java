package org.visitwise.ehr;

/** A request refused by the scope policy before it left the process. */
public final class ScopeDeniedException extends EhrException {

    /** How a scope denial's reason starts in audit events ({@code scope-denied:<reason>}). */
    public static final String AUDIT_PREFIX = "scope-denied:";


    private final String reason;

    public ScopeDeniedException(Purpose purpose, Interaction interaction, String resourceType, String reason) {
        super(interaction.code() + " of " + (resourceType == null ? "(none)" : resourceType)
                + " refused for purpose " + purpose.code() + ": " + reason, 0, null);
        this.reason = reason;
    }

    @Override
    public String reason() {
        return reason;
    }
}
