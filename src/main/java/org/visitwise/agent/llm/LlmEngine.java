package org.visitwise.agent.llm;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.visitwise.agent.ChatEngine;
import org.visitwise.agent.ChatInput;
import org.visitwise.agent.ChatReply;
import org.visitwise.agent.understanding.Understander;
import org.visitwise.agent.wording.Wording;
import org.visitwise.session.ChatSession;
import org.visitwise.session.SessionEnded;

import dev.langchain4j.exception.LangChain4jException;
import io.quarkus.logging.Log;

/**
 * The conversation through a language model ({@code visitwise.agent.engine=llm}). The patient's text
 * passes the PHI firewall (an input guardrail) before it reaches the model, and the model's answer the
 * {@link ReplyGuardrail}; the model acts only through {@link SchedulingTools}, bound to this
 * conversation's patient, and writes only on a turn where the patient confirmed.
 */
@ApplicationScoped
public class LlmEngine implements ChatEngine {

    private final SchedulingAgent agent;
    private final CurrentConversation conversation;
    private final SchedulingTools tools;
    private final Understander understander;
    private final Wording wording;

    LlmEngine(SchedulingAgent agent, CurrentConversation conversation, SchedulingTools tools, Understander understander,
            Wording wording) {
        this.agent = agent;
        this.conversation = conversation;
        this.tools = tools;
        this.understander = understander;
        this.wording = wording;
    }

    @Override
    public ChatReply start(ChatSession session) {
        return ChatReply.of(wording.text(session.language(), "greeting.llm"), List.of());
    }

    @Override
    public ChatReply handle(ChatSession session, ChatInput input) {
        conversation.set(session);
        LlmState state = conversation.state();
        state.tools.takeChanged();
        String text = input.isChoice() ? input.choice() : input.text();
        state.patientConfirmed = understander.answer(text).orElse(false);
        String reply;
        try {
            reply = agent.chat(session.id(), text);
        } catch (LangChain4jException e) {
            // a model that calls tools wrongly, does not answer, or answers what may not be said (a
            // guardrail exception is one of these) changes nothing more: the patient hears so
            Log.warnf("LLM turn failed (%s) in session %s", e.getClass().getSimpleName(), session.id());
            reply = wording.text(session.language(), "llm.failed");
        } finally {
            state.patientConfirmed = false;
        }
        return new ChatReply(reply, List.of(), state.tools.takeChanged().orElse(null), input.understood());
    }

    @ActivateRequestContext
    void ended(@Observes SessionEnded event) {
        if (event.session().engineStateIf(LlmState.class).isPresent()) {
            conversation.set(event.session());
            tools.releaseHold();
        }
    }
}
