package org.visitwise.agent.understanding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.visitwise.agent.text.TextNormalizer;
import org.visitwise.scheduling.PracticeDirectory.LocationInfo;

/**
 * Which location a patient means: by the distinctive words of its name ("downtown" of "Downtown
 * Clinic"), an alias, its street ("Elm Street", "Elm St"), or the same words as each language says
 * them ("la clínica del norte"). Two locations named give none, except in a reschedule, where the last
 * one is where to.
 */
final class LocationMatcher {

    private record Found(int start, String id) {
    }

    private final Collection<LanguageData> languages;
    /** The phrases naming each location, worked out once per directory entry. */
    private final Map<LocationInfo, List<String>> phrases = new java.util.concurrent.ConcurrentHashMap<>();

    LocationMatcher(Collection<LanguageData> languages) {
        this.languages = languages;
    }

    Optional<String> match(String text, Collection<LocationInfo> locations, boolean reschedule) {
        List<Found> found = new ArrayList<>();
        for (LocationInfo location : locations) {
            for (String phrase : phrases.computeIfAbsent(location, this::phrases)) {
                Matcher m = LanguageData.compiled("(?<![a-z0-9])" + Pattern.quote(phrase) + "(?![a-z0-9])").matcher(text);
                if (m.find()) {
                    found.add(new Found(m.start(), location.id()));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<String> ids = found.stream().map(Found::id).distinct().toList();
        if (ids.size() == 1) {
            return Optional.of(ids.get(0));
        }
        return reschedule && !found.isEmpty() ? Optional.of(found.get(found.size() - 1).id()) : Optional.empty();
    }

    private List<String> phrases(LocationInfo location) {
        List<String> names = new ArrayList<>();
        names.add(location.name());
        names.addAll(location.aliases());
        List<String> phrases = new ArrayList<>();
        for (String name : names) {
            add(phrases, distinctive(name));
        }
        for (String line : location.addressLines()) {
            String street = TextNormalizer.normalize(line).replaceAll("^[0-9 ]+", "");
            add(phrases, street);
            add(phrases, street.replaceAll(" street$", " st").replaceAll(" avenue$", " ave").replaceAll(" road$", " rd"));
        }
        for (String phrase : List.copyOf(phrases)) {
            for (LanguageData language : languages) {
                String said = phrase;
                for (var word : language.locationWords().entrySet()) {
                    said = said.replaceAll("(?<![a-z])" + word.getKey() + "(?![a-z])", word.getValue());
                }
                add(phrases, said);
            }
        }
        return phrases;
    }

    private String distinctive(String name) {
        if (name == null) {
            return "";
        }
        List<String> words = new ArrayList<>(List.of(TextNormalizer.normalize(name).split(" ")));
        words.removeIf(w -> languages.stream().anyMatch(l -> l.locationGeneric().contains(w)));
        return String.join(" ", words).trim();
    }

    private static void add(List<String> phrases, String phrase) {
        if (phrase != null && phrase.length() >= 3 && !phrases.contains(phrase)) {
            phrases.add(phrase);
        }
    }
}
