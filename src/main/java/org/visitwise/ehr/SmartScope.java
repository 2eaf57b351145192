package org.visitwise.ehr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SMART App Launch v2 resource scope such as {@code patient/Appointment.cru}.
 *
 * @param context      {@code patient}, {@code user} or {@code system}
 * @param resourceType the FHIR resource type
 * @param permissions  a non-empty subset of {@code cruds}, in that order
 */
public record SmartScope(String context, String resourceType, String permissions) {

    private static final Pattern SYNTAX = Pattern.compile("(patient|user|system)/([A-Z][A-Za-z]+)\\.(c?r?u?d?s?)");

    /**
     * Parses one scope; refuses v1 forms ({@code .read}, {@code .write}), wildcards, granular
     * query suffixes and permissions out of order ({@code .dus}).
     */
    public static SmartScope parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches() || m.group(3).isEmpty()) {
            throw new IllegalArgumentException("not a SMART v2 resource scope: " + text);
        }
        return new SmartScope(m.group(1), m.group(2), m.group(3));
    }

    public boolean permits(char permission) {
        return permissions.indexOf(permission) >= 0;
    }

    @Override
    public String toString() {
        return context + "/" + resourceType + "." + permissions;
    }
}
