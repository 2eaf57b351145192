package org.visitwise.agent.understanding;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.visitwise.agent.text.Folding;
import org.visitwise.agent.text.TextNormalizer;

/**
 * A message as the understanding rules read it: greetings taken out ("Good morning!" is not a time),
 * normalised, and, for each language, a second reading with misspellings folded to that language's
 * vocabulary ("apointment tommorow" → "appointment tomorrow"; an English "lungs" is never folded to a
 * Spanish "lunes").
 *
 * @param text   greeting-free, normalised text
 * @param folded by language code, the same with misspellings folded
 * @param tokens the words of {@code text}
 * @param asked  whether the message holds a question mark
 */
record Reading(String text, Map<String, String> folded, List<String> tokens, boolean asked) {

    static Reading of(String raw, Collection<LanguageData> languages) {
        String lower = raw.toLowerCase(Locale.ROOT);
        for (LanguageData language : languages) {
            for (Pattern greeting : language.greetings()) {
                lower = greeting.matcher(lower).replaceAll(" . ");
            }
        }
        String text = TextNormalizer.normalizeKeepingNumbers(lower);
        Set<String> plain = new HashSet<>();
        languages.forEach(l -> {
            plain.addAll(l.commonWords());
            plain.addAll(l.markers());
        });
        Map<String, String> folded = new LinkedHashMap<>();
        languages.forEach(l -> folded.put(l.code(), Folding.fold(text, l.vocabulary(), plain)));
        return new Reading(text, folded, text.isEmpty() ? List.of() : List.of(text.split(" ")), raw.contains("?"));
    }

    /** The text with misspellings folded to {@code language}'s vocabulary. */
    String folded(LanguageData language) {
        return folded.getOrDefault(language.code(), text);
    }

    /** The readings to try {@code language}'s cues on: as written, and folded when folding changed anything. */
    List<String> both(LanguageData language) {
        String f = folded(language);
        return f.equals(text) ? List.of(text) : List.of(text, f);
    }
}
