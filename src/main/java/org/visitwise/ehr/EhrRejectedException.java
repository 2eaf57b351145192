package org.visitwise.ehr;

/** The EHR refused the request as invalid or unauthorised (a 4xx other than 404/409/410/412). */
public final class EhrRejectedException extends EhrException {

    public EhrRejectedException(String what, int status) {
        super(what + ": refused by the EHR with " + status, status, null);
    }

    @Override
    public String reason() {
        return "rejected";
    }
}
