package org.visitwise.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The conversation engine ({@code visitwise.agent.*}). */
@ConfigMapping(prefix = "visitwise.agent")
public interface AgentConfig {

    /** Which engine answers: {@code structured} (offline, no LLM) or {@code llm} (an OpenAI-compatible endpoint). */
    @WithDefault("structured")
    String engine();

    /**
     * Languages the assistant understands and answers in ({@code language/<code>/understanding.yaml} and
     * {@code i18n/messages_<code>.properties}); the first is the default.
     */
    @WithDefault("en,es")
    java.util.List<String> languages();
}
