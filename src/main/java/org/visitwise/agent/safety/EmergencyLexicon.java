package org.visitwise.agent.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.visitwise.agent.text.LanguageFiles;
import org.visitwise.agent.text.TextNormalizer;


/**
 * One language's emergency vocabulary, read from {@code language/<code>/emergency.yaml}: per kind of
 * emergency the phrasings that are one now (symptoms) and the events that are one unless told of as
 * past, the words that place an event in the past or the present, negations, the words misspellings
 * are folded to, and the safety message. A language is data: adding one adds a file.
 */
record EmergencyLexicon(String language, Map<String, List<Pattern>> symptoms, Map<String, List<Pattern>> events,
        List<Pattern> past, List<Pattern> present, List<Pattern> resolved, Set<String> negations, List<String> vocabulary,
        Set<String> keep, String message) {

    /** The file's shape. */
    record Source(String message, Map<String, Kind> kinds, List<String> past, List<String> present,
            List<String> resolved, List<String> negations, List<String> vocabulary, List<String> keep) {
    }

    /** One kind of emergency in the file. */
    record Kind(List<String> symptoms, List<String> events) {
    }

    static EmergencyLexicon load(String language) {
        return of(language, LanguageFiles.read(language, "emergency", Source.class));
    }

    static EmergencyLexicon of(String language, Source source) {
        if (source.message() == null || source.message().isBlank() || source.kinds() == null || source.kinds().isEmpty()) {
            throw new IllegalStateException("language " + language + ": an emergency file needs a message and kinds");
        }
        Map<String, List<Pattern>> symptoms = new LinkedHashMap<>();
        Map<String, List<Pattern>> events = new LinkedHashMap<>();
        source.kinds().forEach((kind, k) -> {
            symptoms.put(kind, compile(k.symptoms()));
            events.put(kind, compile(k.events()));
        });
        List<String> vocabulary = orEmpty(source.vocabulary()).stream().map(TextNormalizer::normalize).distinct().sorted()
                .toList();
        return new EmergencyLexicon(language, symptoms, events, compile(source.past()), compile(source.present()),
                compile(source.resolved()),
                Set.copyOf(orEmpty(source.negations())), vocabulary, Set.copyOf(orEmpty(source.keep())),
                source.message().strip());
    }

    private static List<Pattern> compile(List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        orEmpty(regexes).forEach(r -> patterns.add(Pattern.compile("\\b(?:" + r + ")")));
        return List.copyOf(patterns);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
