package org.visitwise.agent.llm;

import java.time.Clock;
import java.time.Year;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.visitwise.agent.ChatEngine;
import org.visitwise.agent.ChatInput;
import org.visitwise.agent.ChatReply;
import org.visitwise.agent.PhiFirewall;
import org.visitwise.session.ChatSession;
import org.visitwise.session.SessionEnded;

import dev.langchain4j.exception.LangChain4jException;
import io.quarkus.logging.Log;

/**
 * The conversation through a language model ({@code visitwise.agent.engine=llm}). The patient's text
 * passes the PHI firewall before it reaches the model; the model acts only through
 * {@link SchedulingTools}, bound to this conversation's patient.
 */
@ApplicationScoped
public class LlmEngine implements ChatEngine {

    private final SchedulingAgent agent;
    private final CurrentConversation conversation;
    private final SchedulingTools tools;
    private final Clock clock;

    LlmEngine(SchedulingAgent agent, CurrentConversation conversation, SchedulingTools tools, Clock clock) {
        this.agent = agent;
        this.conversation = conversation;
        this.tools = tools;
        this.clock = clock;
    }

    @Override
    public ChatReply start(ChatSession session) {
        return ChatReply.of("Hello! I can book, change or cancel your appointments. How can I help?", List.of());
    }

    @Override
    public ChatReply handle(ChatSession session, ChatInput input) {
        conversation.set(session);
        LlmState state = conversation.state();
        state.changed = null;
        String text = input.isChoice() ? input.choice() : PhiFirewall.mask(input.text(), Year.now(clock).getValue());
        String reply;
        try {
            reply = agent.chat(session.id(), text);
        } catch (LangChain4jException e) {
            // a model that calls tools wrongly, or does not answer, changes nothing: the patient hears so
            Log.warnf("LLM turn failed (%s) in session %s", e.getClass().getSimpleName(), session.id());
            reply = "Sorry, I could not do that. Nothing was changed. You can try again, or call the practice.";
        }
        return new ChatReply(reply, List.of(), state.changed);
    }

    @ActivateRequestContext
    void ended(@Observes SessionEnded event) {
        if (event.session().engineStateIf(LlmState.class).isPresent()) {
            conversation.set(event.session());
            tools.releaseHold();
        }
    }
}
