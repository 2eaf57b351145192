package org.visitwise.agent;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a patient's free text asks for, by keywords (an in-process embedding classifier is to come
 * in front of this fallback).
 */
public enum Intent {
    YES("^(y|yes|yeah|yep|sure|ok|okay|confirm|please do|correct)\\b"),
    NO("^(n|no|nope|dont|don t|not now|stop)\\b"),
    CANCEL("\\bcancel|call off\\b"),
    RESCHEDULE("reschedul|\\bmove\\b|\\bchange\\b|different (time|day)|another (time|day)"),
    BOOK("\\bbook|\\bschedule\\b|\\bsee (dr|doctor)|\\bavailab|\\bopen (times?|slots?)|\\b(an|new) appointment|\\bvisit\\b"),
    LIST("my appointments?\\b|\\bwhen is my\\b|\\blist\\b|\\bupcoming\\b|do i have an? appointment"),
    UNKNOWN("$^");

    private final Pattern pattern;

    Intent(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    public static Intent of(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("'", " ").trim();
        for (Intent intent : values()) {
            if (intent.pattern.matcher(t).find()) {
                return intent;
            }
        }
        return UNKNOWN;
    }
}
