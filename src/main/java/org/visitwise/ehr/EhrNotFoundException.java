package org.visitwise.ehr;

/** The EHR has no such resource (404/410), or the caller may not know that it exists. */
public final class EhrNotFoundException extends EhrException {

    public EhrNotFoundException(String resourceType, int status) {
        super(resourceType + " not found", status, null);
    }

    @Override
    public String reason() {
        return "not-found";
    }
}
