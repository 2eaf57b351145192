package org.visitwise.agent.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;

/** Chat memory lives in the conversation's session: same expiry, never shared, never on disk. */
@ApplicationScoped
public class SessionChatMemoryProvider implements ChatMemoryProvider {

    private final CurrentConversation conversation;

    SessionChatMemoryProvider(CurrentConversation conversation) {
        this.conversation = conversation;
    }

    @Override
    public ChatMemory get(Object memoryId) {
        if (!conversation.session().id().equals(memoryId)) {
            throw new IllegalStateException("memory of another conversation requested");
        }
        return conversation.state().memory;
    }
}
