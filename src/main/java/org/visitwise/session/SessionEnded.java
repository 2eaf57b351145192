package org.visitwise.session;

/** CDI event: a conversation ended (logout or expiry); engines release what it still holds. */
public record SessionEnded(ChatSession session) {
}
