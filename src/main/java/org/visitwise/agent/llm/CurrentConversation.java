package org.visitwise.agent.llm;

import jakarta.enterprise.context.RequestScoped;

import org.visitwise.session.ChatSession;

/**
 * The conversation the current request speaks in. Tools and chat memory take the session — and so
 * the patient — from here, never from anything the model says.
 */
@RequestScoped
public class CurrentConversation {

    private ChatSession session;

    void set(ChatSession session) {
        this.session = session;
    }

    ChatSession session() {
        if (session == null) {
            throw new IllegalStateException("no conversation in this request");
        }
        return session;
    }

    LlmState state() {
        return session().engineState(LlmState::new);
    }
}
