package org.visitwise.agent.llm;

import java.util.LinkedHashMap;
import java.util.Map;

import org.visitwise.scheduling.AppointmentView;

import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;

/**
 * What the LLM engine keeps for one conversation, in its session (so it dies with it): the chat
 * memory, and the handles (S1.., A1..) it has shown the model, which are the only way the model can
 * point at a slot or an appointment.
 */
final class LlmState {

    final ChatMemory memory = MessageWindowChatMemory.withMaxMessages(40);
    final Map<String, String> slots = new LinkedHashMap<>();
    final Map<String, String> appointments = new LinkedHashMap<>();
    String holdId;
    String heldSlotId;
    AppointmentView changed;
}
