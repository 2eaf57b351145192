package org.visitwise.agent;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.visitwise.agent.safety.EmergencyDetector;
import org.visitwise.agent.safety.SafetyConfig;
import org.visitwise.agent.wording.Wording;

/**
 * The fixed answers that take a turn out of any engine's hands: an emergency or a crisis, in any
 * language the {@link EmergencyDetector} knows, gets the safety message (911, 988, Poison Control: the
 * practice's numbers) in that language and nothing else; a question seeking medical advice gets a
 * polite redirect to the practice. A missed emergency costs more than a false alarm.
 */
@ApplicationScoped
public class Guardrails {

    private final EmergencyDetector detector;
    private final SafetyConfig config;
    private final Wording wording;

    Guardrails(SafetyConfig config, Wording wording) {
        this.detector = EmergencyDetector.forLanguages(config.languages());
        this.config = config;
        this.wording = wording;
    }

    /** An emergency or crisis in this text, if there is one. */
    public Optional<EmergencyDetector.Finding> emergency(String text) {
        return text == null ? Optional.empty() : detector.detect(text);
    }

    /** The safety message in {@code language}, with the practice's numbers. */
    public String emergencyMessage(String language) {
        return detector.message(language).replace("{emergency}", config.emergencyNumber())
                .replace("{crisis}", config.crisisLine()).replace("{poison}", config.poisonControl());
    }

    /** The answer to a question seeking medical advice: call the practice; the menu stays. */
    public ChatReply clinicalRedirect(String language, String practicePhone) {
        String call = practicePhone == null ? wording.text(language, "clinical.call")
                : wording.text(language, "clinical.callAt", practicePhone);
        return ChatReply.of(wording.text(language, "clinical", call), wording.menu(language));
    }
}
