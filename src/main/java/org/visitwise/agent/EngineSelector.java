package org.visitwise.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.visitwise.agent.dialogue.Dialogue;
import org.visitwise.agent.llm.LlmEngine;

/** Picks the configured engine; the LLM engine (and its model client) is only created when chosen. */
@ApplicationScoped
public class EngineSelector {

    private final AgentConfig config;
    private final Dialogue structured;
    private final Instance<LlmEngine> llm;

    EngineSelector(AgentConfig config, Dialogue structured, Instance<LlmEngine> llm) {
        this.config = config;
        this.structured = structured;
        this.llm = llm;
    }

    public ChatEngine engine() {
        return "llm".equals(config.engine()) ? llm.get() : structured;
    }
}
