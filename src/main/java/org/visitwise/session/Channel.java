package org.visitwise.session;

import java.util.Arrays;
import java.util.Optional;

/** How a conversation reaches the patient: the practice's web page, or the EHR relaying it. */
public enum Channel {
    WEB("web"),
    SMS("sms"),
    VOICE("voice"),
    PORTAL("portal");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
