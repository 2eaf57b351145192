package org.visitwise.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The conversation engine ({@code visitwise.agent.*}). */
@ConfigMapping(prefix = "visitwise.agent")
public interface AgentConfig {

    /** Which engine answers: {@code structured} (offline, no LLM) or {@code llm} (an OpenAI-compatible endpoint). */
    @WithDefault("structured")
    String engine();
}
