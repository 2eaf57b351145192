package org.visitwise.agent.understanding;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.visitwise.agent.text.Folding;
import org.visitwise.agent.text.TextNormalizer;

/**
 * A message as the understanding rules read it: greetings taken out ("Good morning!" is not a time),
 * normalised, and a second reading with misspellings folded to the vocabulary of every language.
 *
 * @param text   greeting-free, normalised text
 * @param folded the same with misspellings folded ("apointment tommorow" → "appointment tomorrow")
 * @param tokens the words of {@code text}
 */
record Reading(String text, String folded, List<String> tokens) {

    static Reading of(String raw, Collection<LanguageData> languages, Collection<String> vocabulary, Set<String> keep) {
        String lower = raw.toLowerCase(Locale.ROOT);
        for (LanguageData language : languages) {
            for (Pattern greeting : language.greetings()) {
                lower = greeting.matcher(lower).replaceAll(" . ");
            }
        }
        String text = TextNormalizer.normalizeKeepingNumbers(lower);
        String folded = Folding.fold(text, vocabulary, keep);
        return new Reading(text, folded, text.isEmpty() ? List.of() : List.of(text.split(" ")));
    }

    /** The readings to try cues on: as written, and folded when folding changed anything. */
    List<String> both() {
        return folded.equals(text) ? List.of(text) : List.of(text, folded);
    }
}
