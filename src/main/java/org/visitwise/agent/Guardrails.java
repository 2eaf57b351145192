package org.visitwise.agent;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Safety checks run on every patient text before any engine sees it: emergencies and self-harm get
 * a fixed message pointing to 911 / 988 and nothing else; clinical questions get a polite redirect.
 * Deliberately tolerant of misspellings: a missed emergency costs more than a false alarm.
 */
public final class Guardrails {

    public static final String EMERGENCY_REPLY = "This sounds like it could be an emergency. Please call 911 now, "
            + "or go to the nearest emergency room. If you are thinking about suicide or hurting yourself, call or "
            + "text 988 (Suicide & Crisis Lifeline) right away. This chat cannot help in an emergency.";

    private static final List<Pattern> EMERGENCY = List.of(
            p("ch[ea]st( \\w+){0,2} (pain|pian|pane|hurts?|tight\\w*|pressure|heavy|crush\\w*)"),
            p("(can ?not|cant|can t|unable to|hard to|trouble|difficulty)\\s*(breath\\w*|breth\\w*)"),
            p("short(ness)? of breath"), p("not breathing"), p("choking"),
            p("heart attack"), p("stroke"), p("face (is )?droop\\w*"), p("slurr\\w* (speech|words)"),
            p("numb\\w* (on )?(one|left|right) side"), p("(sudden|worst) (severe )?headache"),
            p("su[i]?c[i]?d\\w*"), p("kil+ (my ?self|me)"), p("end (my|it) (life|all)"), p("want to die"),
            p("hurt(ing)? my ?self"), p("self[ -]?harm"), p("overdos\\w*"), p("took too many (pills|tablets)"),
            p("(bleeding|blood) (heavily|a lot|won ?t stop|wont stop)"), p("severe bleeding"),
            p("unconscious"), p("passed out"), p("seizure"), p("anaphyla\\w*"), p("throat (is )?(closing|swelling)"));

    private static final List<Pattern> CLINICAL = List.of(
            p("should i (take|stop|increase|decrease)"), p("(what|which) (dose|dosage|medication|medicine)"),
            p("is (it|this) (normal|serious|dangerous)"), p("do i have"), p("diagnos\\w*"), p("side effects?"),
            p("(my )?(test|lab|blood) results?"), p("prescri\\w*"), p("symptoms? of"));

    private Guardrails() {
    }

    /** The fixed answer this text must get instead of the conversation going on, if any. */
    public static Optional<ChatReply> check(String text, String practicePhone) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = normalize(text);
        if (EMERGENCY.stream().anyMatch(p -> p.matcher(normalized).find())) {
            return Optional.of(ChatReply.of(EMERGENCY_REPLY, List.of()));
        }
        if (CLINICAL.stream().anyMatch(p -> p.matcher(normalized).find())) {
            String call = practicePhone == null ? "please call the practice" : "please call the practice at " + practicePhone;
            return Optional.of(ChatReply.of("I can't give medical advice here. For questions about your health, "
                    + call + ". I can help you book, change or cancel an appointment.", StructuredAssistant.menu()));
        }
        return Optional.empty();
    }

    private static String normalize(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "").replaceAll("[^a-z0-9 ]", " ")
                .replaceAll("\\s+", " ").trim();
    }

    private static Pattern p(String regex) {
        return Pattern.compile("\\b" + regex);
    }
}
