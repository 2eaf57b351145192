package org.visitwise.agent.llm;

import org.visitwise.agent.tools.ToolState;

import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;

/**
 * What the LLM engine keeps for one conversation, in its session (so it dies with it): the chat
 * memory, the tools' state (the handles S1.., A1.. it has shown the model, which are the only way the
 * model can point at a slot or an appointment, and the hold), and whether the patient's message of this
 * turn is a confirmation — the only thing that lets a tool book, cancel or move.
 */
final class LlmState {

    final ChatMemory memory = MessageWindowChatMemory.withMaxMessages(40);
    final ToolState tools = new ToolState();
    boolean patientConfirmed;
}
