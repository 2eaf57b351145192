package org.visitwise.agent.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.visitwise.agent.text.Folding;
import org.visitwise.agent.understanding.IntentModel;
import org.visitwise.agent.text.TextNormalizer;

/**
 * Recognises an emergency or a crisis in a patient's message, in every language it has a vocabulary
 * for (all of them on every message, whatever language the conversation is in), before anything else
 * reads the message. Built for recall: a misspelled reading is added to the text as written, symptoms count
 * wherever they stand, an event ("a stroke") counts unless the same clause places it in the past and
 * nothing places it now ("I had a stroke last year, I need my follow-up"), and only a negation right
 * before a phrase ("no chest pain") sets it aside. Where no vocabulary matches, the learned reader
 * ({@link IntentModel}) raises the alarm when it is very sure a message is an emergency (a second net
 * for phrasings no vocabulary holds). What it cannot catch is said in the README.
 */
public final class EmergencyDetector {

    /**
     * How sure the learned reader must be of an emergency no vocabulary recognised: set on the
     * development part, where a lower bar raised more false alarms than the 3% allowed.
     */
    static final double LEARNED_ALARM = 0.9;
    /** The kind of an emergency only the learned reader recognised. */
    public static final String UNSPECIFIED = "unspecified";

    /**
     * What was recognised: the kind of emergency and the language of the vocabulary that matched (null
     * when only the learned reader recognised it: the conversation's language is the best guess).
     */
    public record Finding(String kind, String language) {
    }

    private static final Pattern CLAUSES = Pattern.compile("[.!?;,\\n]+|\\s(?:but|pero|aunque)\\s",
            Pattern.CASE_INSENSITIVE);

    /**
     * A symptom asked and answered no, as in a checklist: "Chest pain? none.", "Overdose? no lol",
     * "¿Dolor de pecho? ninguno." — only with the answer alone after a question mark, a colon or a dash.
     */
    private static final Pattern DENIED = Pattern.compile(
            "[^.?!;,\\n]{2,60}[?:\u2014\u2013-]+\\s*(?:none|nope|no|not at all|never|negative|nada|ninguno|ninguna|tampoco|para nada)"
                    + "(?:\\s+(?:lol|jaja\\w*|at all|thankfully|gracias a dios))?\\s*(?=[.,!;\\n]|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final List<EmergencyLexicon> lexicons;
    /**
     * Words of every language that place an event now (patients mix languages); what places it in the
     * past is the event's own language's only, since that sets a mention aside.
     */
    private final List<Pattern> present;

    private final IntentModel model;

    EmergencyDetector(List<EmergencyLexicon> lexicons, IntentModel model) {
        this.lexicons = List.copyOf(lexicons);
        this.model = model;
        this.present = lexicons.stream().flatMap(l -> l.present().stream()).toList();
    }

    /** The detector for these languages, from {@code language/<code>/emergency.yaml}. */
    public static EmergencyDetector forLanguages(List<String> languages) {
        List<EmergencyLexicon> lexicons = new ArrayList<>();
        languages.forEach(l -> lexicons.add(EmergencyLexicon.load(l)));
        return new EmergencyDetector(lexicons, IntentModel.forLanguages(languages));
    }

    public Optional<Finding> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        text = DENIED.matcher(text).replaceAll(" . ");
        for (EmergencyLexicon lexicon : lexicons) {
            Optional<String> kind = detect(text, lexicon);
            if (kind.isPresent()) {
                return Optional.of(new Finding(kind.get(), lexicon.language()));
            }
        }
        return model.predict(text).emergency() > LEARNED_ALARM ? Optional.of(new Finding(UNSPECIFIED, null)) : Optional.empty();
    }

    /**
     * Each text is read twice, as written and with misspellings folded to the vocabulary: folding can
     * only add a match, never hide one that the words as written make.
     */
    private Optional<String> detect(String text, EmergencyLexicon lexicon) {
        // a message that says it is over ("it went away", "ya estoy bien") reads its symptoms like events:
        // only where their own clause does not place them in the past
        boolean over = lexicon.resolved().stream().anyMatch(p -> p.matcher(TextNormalizer.normalize(text)).find());
        if (!over) {
            for (String whole : readings(text, lexicon)) {
                Optional<String> kind = first(lexicon.symptoms(), whole, lexicon);
                if (kind.isPresent()) {
                    return kind;
                }
            }
        }
        for (String clause : CLAUSES.split(text)) {
            for (String reading : readings(clause, lexicon)) {
                if (reading.isEmpty() || toldOfAsPast(reading, lexicon)) {
                    continue;
                }
                Optional<String> kind = first(lexicon.events(), reading, lexicon);
                if (kind.isEmpty() && over) {
                    kind = first(lexicon.symptoms(), reading, lexicon);
                }
                if (kind.isPresent()) {
                    return kind;
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> readings(String text, EmergencyLexicon lexicon) {
        String normalized = TextNormalizer.normalize(text);
        String folded = Folding.fold(normalized, lexicon.vocabulary(), lexicon.keep());
        return folded.equals(normalized) ? List.of(normalized) : List.of(normalized, folded);
    }

    /** The safety message in {@code language}, or in the first language when there is none for it. */
    public String message(String language) {
        return lexicons.stream().filter(l -> l.language().equals(language)).findFirst().orElse(lexicons.get(0)).message();
    }

    private boolean toldOfAsPast(String clause, EmergencyLexicon lexicon) {
        return lexicon.past().stream().anyMatch(p -> p.matcher(clause).find())
                && present.stream().noneMatch(p -> p.matcher(clause).find());
    }

    private static Optional<String> first(Map<String, List<Pattern>> kinds, String text, EmergencyLexicon lexicon) {
        for (Map.Entry<String, List<Pattern>> kind : kinds.entrySet()) {
            for (Pattern pattern : kind.getValue()) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (!negated(text.substring(0, m.start()), lexicon)) {
                        return Optional.of(kind.getKey());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A negation among the last two words before the phrase ("no chest pain", "not having chest pain"). */
    private static boolean negated(String before, EmergencyLexicon lexicon) {
        String[] words = before.isBlank() ? new String[0] : before.trim().split(" ");
        for (int i = Math.max(0, words.length - 2); i < words.length; i++) {
            if (lexicon.negations().contains(words[i])) {
                return true;
            }
        }
        return false;
    }
}
