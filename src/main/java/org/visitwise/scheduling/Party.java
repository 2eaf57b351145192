package org.visitwise.scheduling;

/** A practitioner or location of the practice (directory data, not patient data). */
public record Party(String id, String name) {
}
