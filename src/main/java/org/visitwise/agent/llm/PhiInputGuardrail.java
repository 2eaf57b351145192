package org.visitwise.agent.llm;

import java.time.Clock;
import java.time.Year;

import jakarta.enterprise.context.ApplicationScoped;

import org.visitwise.agent.PhiFirewall;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;

/**
 * The PHI firewall as the model's input guardrail: e-mail addresses, phone numbers, identifiers,
 * street addresses and birth dates in the patient's text are masked before it reaches the model (and
 * its chat memory).
 */
@ApplicationScoped
public class PhiInputGuardrail implements InputGuardrail {

    private final Clock clock;

    PhiInputGuardrail(Clock clock) {
        this.clock = clock;
    }

    @Override
    public InputGuardrailResult validate(UserMessage message) {
        String text = message.singleText();
        String masked = PhiFirewall.mask(text, Year.now(clock).getValue());
        return masked.equals(text) ? success() : successWith(masked);
    }
}
