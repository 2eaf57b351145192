package org.visitwise.agent;

import org.visitwise.session.ChatSession;

/**
 * Something that converses: the offline structured assistant, or (later) the LLM agent. Engines act
 * only through the scheduling service, as the session's caller.
 */
public interface ChatEngine {

    /** The greeting of a new conversation. */
    ChatReply start(ChatSession session);

    /** Answers one turn; guardrails have already been applied to the text. */
    ChatReply handle(ChatSession session, ChatInput input);
}
