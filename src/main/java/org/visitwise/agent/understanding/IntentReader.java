package org.visitwise.agent.understanding;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.visitwise.agent.understanding.LanguageData.Cues;

/**
 * What a message asks for, from the cues of every language (patients mix them: "necesito reprogramar
 * mi appointment"): each intent scores its surest cue (decisive 10, strong 3, weak 1), a veto sets an
 * intent aside, and ties go by {@link Intent#PRECEDENCE}. A message with no cue is "other" (the
 * {@link Understander} takes one with details, "Dr. Wei on Friday?", as a booking).
 */
final class IntentReader {

    static final int DECISIVE = 10;
    static final int STRONG = 3;
    static final int WEAK = 1;

    private IntentReader() {
    }

    /** What the cues read, and how sure the surest cue was (0 when none spoke). */
    record Verdict(Intent intent, int certainty) {
    }

    static Verdict read(Reading reading, Collection<LanguageData> languages) {
        if (reading.text().isEmpty()) {
            // "?" asks what this is; an emoji says nothing
            return new Verdict(reading.asked() ? Intent.HELP : Intent.OTHER, DECISIVE);
        }
        Map<Intent, Integer> scores = new EnumMap<>(Intent.class);
        Set<Intent> vetoed = EnumSet.noneOf(Intent.class);
        for (LanguageData language : languages) {
            for (Map.Entry<Intent, Cues> e : language.intents().entrySet()) {
                Cues cues = e.getValue();
                List<String> readings = reading.both(language);
                if (any(cues.veto(), readings)) {
                    vetoed.add(e.getKey());
                }
                int score = any(cues.decisive(), readings) ? DECISIVE : any(cues.strong(), readings) ? STRONG
                        : any(cues.weak(), readings) ? WEAK : 0;
                scores.merge(e.getKey(), score, Math::max);
            }
        }
        vetoed.forEach(scores::remove);
        int certainty = scores.values().stream().max(Integer::compare).orElse(0);
        Intent best = null;
        int bestScore = 0;
        for (Intent intent : Intent.PRECEDENCE) {
            int score = scores.getOrDefault(intent, 0);
            if (score > bestScore) {
                best = intent;
                bestScore = score;
            }
        }
        if (bestScore < DECISIVE && (best == null || best == Intent.BOOK || best == Intent.OTHER)) {
            Intent byShape = byShape(reading, languages, best);
            if (byShape != null) {
                return new Verdict(byShape, certainty);
            }
        }
        return new Verdict(best == null ? Intent.OTHER : best, certainty);
    }

    /**
     * Where no cue is sure, the shape of the message: a question about one's own appointment asks what
     * is booked ("is my checkup on Friday?"); a question with medical words and no request asks for
     * advice ("is it ok to give him tylenol for the fever?").
     */
    private static Intent byShape(Reading reading, Collection<LanguageData> languages, Intent best) {
        boolean question = reading.asked() || languages.stream().anyMatch(l -> l.question().matcher(reading.text()).find());
        if (!question) {
            return null;
        }
        boolean request = languages.stream().anyMatch(l -> l.request().matcher(reading.text()).find());
        boolean own = languages.stream().anyMatch(l -> l.ownAppointment().matcher(reading.text()).find());
        if (own && !request) {
            return Intent.LIST;
        }
        long medical = reading.tokens().stream().filter(t -> languages.stream().anyMatch(l -> l.medicalWords().contains(t))).count();
        if (medical > 0 && !request && best != Intent.OTHER) {
            return Intent.CLINICAL;
        }
        return null;
    }

    /** How strongly the message speaks {@code language}: its marker and vocabulary words, and its cues. */
    static int languageScore(Reading reading, LanguageData language) {
        int score = (int) reading.tokens().stream()
                .filter(t -> language.markers().contains(t) || language.vocabulary().contains(t)).count();
        for (Cues cues : language.intents().values()) {
            score += 2 * (int) cues.strong().stream().filter(p -> p.matcher(reading.text()).find()).count();
            score += 2 * (int) cues.decisive().stream().filter(p -> p.matcher(reading.text()).find()).count();
        }
        return score;
    }

    private static boolean any(List<Pattern> patterns, List<String> readings) {
        for (String text : readings) {
            for (Pattern p : patterns) {
                if (p.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
