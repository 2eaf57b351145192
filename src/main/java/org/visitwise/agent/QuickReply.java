package org.visitwise.agent;

/** A button the patient can press instead of typing. */
public record QuickReply(String id, String label) {
}
