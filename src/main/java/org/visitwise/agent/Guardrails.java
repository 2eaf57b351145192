package org.visitwise.agent;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.visitwise.agent.safety.EmergencyDetector;
import org.visitwise.agent.safety.SafetyConfig;
import org.visitwise.agent.text.TextNormalizer;

/**
 * Safety checks run on every patient text before any engine sees it: an emergency or a crisis, in any
 * language the {@link EmergencyDetector} knows, gets the safety message (911, 988, Poison Control: the
 * practice's numbers) in that language and nothing else; a question seeking medical advice gets a
 * polite redirect. A missed emergency costs more than a false alarm.
 */
@ApplicationScoped
public class Guardrails {

    private static final List<Pattern> CLINICAL = List.of(
            p("should i (take|stop|increase|decrease|double|skip)"), p("(what|which|how much) (dose|dosage|medication|medicine)"),
            p("is (it|this|that) (normal|serious|dangerous)"),
            p("do i have (a |an |the )?(flu|covid|cold|cancer|infection|diabetes|strep|pneumonia|uti|std|virus|allergy|allergies)"),
            p("diagnos(e|is) (me|my|this)"), p("side effects?"),
            p("(what|how) (are|were|did) (my )?(test|lab|blood|xray|x ray|mri|scan) (results?|come back|look)"),
            p("(are|were) my (test|lab|blood) results? (ok|okay|normal|good|bad|back)"), p("symptoms? of"),
            p("(can|should) i (take|mix|drink) \\w+( \\w+)? (with|while|before|after)"));

    private final EmergencyDetector detector;
    private final SafetyConfig config;

    Guardrails(SafetyConfig config) {
        this.detector = EmergencyDetector.forLanguages(config.languages());
        this.config = config;
    }

    /** The fixed answer this text must get instead of the conversation going on, if any. */
    public Optional<ChatReply> check(String text, String practicePhone) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<EmergencyDetector.Finding> emergency = detector.detect(text);
        if (emergency.isPresent()) {
            return Optional.of(ChatReply.of(emergencyMessage(emergency.get().language()), List.of()));
        }
        String normalized = TextNormalizer.normalize(text);
        if (CLINICAL.stream().anyMatch(p -> p.matcher(normalized).find())) {
            String call = practicePhone == null ? "please call the practice" : "please call the practice at " + practicePhone;
            return Optional.of(ChatReply.of("I can't give medical advice here. For questions about your health, "
                    + call + ". I can help you book, change or cancel an appointment.", StructuredAssistant.menu()));
        }
        return Optional.empty();
    }

    /** The safety message in {@code language}, with the practice's numbers. */
    public String emergencyMessage(String language) {
        return detector.message(language).replace("{emergency}", config.emergencyNumber())
                .replace("{crisis}", config.crisisLine()).replace("{poison}", config.poisonControl());
    }

    private static Pattern p(String regex) {
        return Pattern.compile("\\b" + regex);
    }
}
