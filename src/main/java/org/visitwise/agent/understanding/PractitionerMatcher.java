package org.visitwise.agent.understanding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import org.visitwise.agent.text.TextNormalizer;
import org.visitwise.scheduling.PracticeDirectory.PractitionerInfo;

/**
 * Which practitioner a patient means: by any form of their name (last name alone, first name, a part
 * of a hyphenated name, misspelled by an edit or two, with or without "Dr."), else by what they do
 * ("the pediatrician", "the nurse practitioner", "el del corazón", matched against the specialty and
 * role codes and displays of their PractitionerRoles, their qualifications and name suffixes), else
 * "my regular doctor" (the patient's general practitioner, asked for only then). Two different
 * practitioners named, or a role several hold, name nobody: the conversation asks.
 */
final class PractitionerMatcher {

    private static final int FAMILY = 3;
    private static final int GIVEN = 2;
    private static final int FUZZY = 1;

    private record Found(String id, int strength) {
    }

    private final Collection<LanguageData> languages;
    private final Set<String> words;

    PractitionerMatcher(Collection<LanguageData> languages) {
        this.languages = languages;
        this.words = new HashSet<>();
        languages.forEach(l -> {
            words.addAll(l.commonWords());
            words.addAll(l.vocabulary());
            words.addAll(l.markers());
        });
    }

    Optional<String> match(Reading reading, Collection<PractitionerInfo> practitioners,
            Supplier<Optional<String>> regularDoctor) {
        Optional<String> byName = byName(reading.tokens(), practitioners);
        if (byName.isPresent()) {
            return byName;
        }
        // "my family doctor" is the regular doctor, not the role: the phrase is taken out before roles
        StringBuilder rest = new StringBuilder(reading.text());
        boolean regular = false;
        for (LanguageData language : languages) {
            Matcher m = language.regularDoctor().matcher(reading.text());
            while (m.find()) {
                regular |= !negated(reading.text().substring(0, m.start()));
                for (int i = m.start(); i < m.end(); i++) {
                    rest.setCharAt(i, '#');
                }
            }
        }
        Optional<Set<String>> byRole = byRole(rest.toString(), practitioners);
        if (byRole.isPresent()) {
            return byRole.get().size() == 1 ? Optional.of(byRole.get().iterator().next()) : Optional.empty();
        }
        return regular ? regularDoctor.get() : Optional.empty();
    }

    /** The practitioner these words name, if exactly one (the LLM engine's and the API's way in). */
    Optional<String> byName(String name, Collection<PractitionerInfo> practitioners) {
        String text = TextNormalizer.normalize(name);
        return text.isEmpty() ? Optional.empty() : byName(List.of(text.split(" ")), practitioners);
    }

    private Optional<String> byName(List<String> tokens, Collection<PractitionerInfo> practitioners) {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String previous = i > 0 ? tokens.get(i - 1) : "";
            boolean cued = languages.stream().anyMatch(l -> l.nameCues().matcher(previous).matches());
            if (negated(String.join(" ", tokens.subList(0, i)))) {
                continue;
            }
            for (PractitionerInfo p : practitioners) {
                int strength = strength(token, p, cued);
                if (strength > 0) {
                    found.add(new Found(p.id(), strength));
                }
            }
            if (cued && token.length() == 1) {
                initial(token, practitioners).ifPresent(id -> found.add(new Found(id, FUZZY)));
            }
        }
        int best = found.stream().mapToInt(Found::strength).max().orElse(0);
        Set<String> surest = new LinkedHashSet<>();
        found.stream().filter(f -> f.strength() == best).forEach(f -> surest.add(f.id()));
        boolean othersOnlyGuessed = found.stream().filter(f -> !surest.contains(f.id())).allMatch(f -> f.strength() == FUZZY);
        // two practitioners named: nobody, unless the other is only a misspelling's guess
        return surest.size() == 1 && (othersOnlyGuessed && best > FUZZY || found.stream().allMatch(f -> surest.contains(f.id())))
                ? Optional.of(surest.iterator().next()) : Optional.empty();
    }

    private int strength(String token, PractitionerInfo p, boolean cued) {
        int best = 0;
        for (String part : parts(p.family())) {
            best = Math.max(best, compare(token, part, cued, FAMILY));
        }
        for (String given : p.given()) {
            List<String> givenParts = parts(given);
            for (String part : givenParts) {
                best = Math.max(best, compare(token, part, cued, GIVEN));
            }
            // a familiar form of the given name: "Trish" for Patricia, "Majo" for María José
            String full = String.join(" ", givenParts);
            for (LanguageData language : languages) {
                String meant = language.nicknames().get(token);
                boolean plainWord = words.contains(token);
                if (meant != null && (cued || !plainWord) && (meant.equals(full) || givenParts.contains(meant))) {
                    best = Math.max(best, GIVEN);
                }
            }
        }
        return best;
    }

    /** "Dr. G": the one practitioner whose family name starts with that letter, if only one does. */
    private static Optional<String> initial(String letter, Collection<PractitionerInfo> practitioners) {
        List<String> ids = practitioners.stream().filter(p -> parts(p.family()).stream().findFirst()
                .map(f -> f.startsWith(letter)).orElse(false)).map(PractitionerInfo::id).toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    private int compare(String token, String part, boolean cued, int exactStrength) {
        if (token.equals(part)) {
            boolean plainWord = words.contains(part) || part.length() <= 2;
            return plainWord && !cued ? 0 : exactStrength;
        }
        if (words.contains(token) || !token.chars().allMatch(Character::isLetter)) {
            return 0;
        }
        // a misspelling: one edit (two from eight letters) from a name of five letters or more, or from
        // a shorter one right after "Dr." or "with"
        if (cued && token.length() >= 3 && part.length() > token.length() && part.startsWith(token)) {
            return FUZZY; // "Dr. Sam" for Samuel
        }
        int limit = part.length() >= 8 ? 2 : 1;
        boolean longEnough = token.length() >= 5 && part.length() >= 5 || cued && token.length() >= 3 && part.length() >= 3;
        return longEnough && TextNormalizer.distance(token, part, limit) <= limit ? FUZZY : 0;
    }

    /** The practitioners each role said fits; empty when no role was said. */
    private Optional<Set<String>> byRole(String text, Collection<PractitionerInfo> practitioners) {
        StringBuilder masked = new StringBuilder(text);
        Set<String> candidates = null;
        boolean said = false;
        for (LanguageData language : languages) {
            for (LanguageData.Role role : language.roles()) {
                Matcher m = role.phrases().matcher(masked);
                while (m.find()) {
                    boolean negated = negated(text.substring(0, m.start()));
                    for (int i = m.start(); i < m.end(); i++) {
                        masked.setCharAt(i, '#');
                    }
                    if (negated) {
                        continue;
                    }
                    said = true;
                    Set<String> fits = new LinkedHashSet<>();
                    practitioners.stream().filter(p -> holds(p, role.terms())).forEach(p -> fits.add(p.id()));
                    if (candidates == null) {
                        candidates = fits;
                    } else {
                        candidates.retainAll(fits);
                    }
                }
            }
        }
        return said ? Optional.of(candidates) : Optional.empty();
    }

    private static boolean holds(PractitionerInfo p, List<String> terms) {
        StringBuilder descriptor = new StringBuilder(" ");
        p.roles().forEach(r -> descriptor.append(TextNormalizer.normalize(r)).append(' '));
        p.suffixes().forEach(s -> descriptor.append(TextNormalizer.normalize(s)).append(' '));
        String d = descriptor.toString();
        return terms.stream().anyMatch(t -> t.length() <= 3 ? d.contains(" " + t + " ") : d.contains(" " + t));
    }

    private boolean negated(String before) {
        String b = before.trim() + " ";
        return languages.stream().anyMatch(l -> l.nameNegation().matcher(b).find());
    }

    private static List<String> parts(String name) {
        if (name == null) {
            return List.of();
        }
        String normalized = TextNormalizer.normalize(name.toLowerCase(Locale.ROOT).replace('-', ' '));
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }
}
