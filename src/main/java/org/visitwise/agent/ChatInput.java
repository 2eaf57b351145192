package org.visitwise.agent;

import org.visitwise.agent.understanding.Understood;

/**
 * One patient turn: free text, or the id of a quick reply they pressed (exactly one of the two).
 *
 * @param understood for text, what was understood of it (read once, before any engine)
 */
public record ChatInput(String text, String choice, Understood understood) {

    public boolean isChoice() {
        return choice != null;
    }
}
