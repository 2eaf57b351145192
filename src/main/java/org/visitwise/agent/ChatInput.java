package org.visitwise.agent;

/** One patient turn: free text, or the id of a quick reply they pressed (exactly one of the two). */
public record ChatInput(String text, String choice) {

    public boolean isChoice() {
        return choice != null;
    }
}
