package org.visitwise.agent.text;

import java.util.Collection;
import java.util.Set;

/** Misspellings folded to the vocabulary they were meant as ("chset pian" → "chest pain"). */
public final class Folding {

    private Folding() {
    }

    /**
     * {@code normalized} with each word of four letters or more that is not in {@code vocabulary} or
     * {@code keep} replaced by the nearest word of {@code vocabulary} within one edit (two from nine
     * letters), if there is one.
     */
    public static String fold(String normalized, Collection<String> vocabulary, Set<String> keep) {
        if (normalized.isEmpty()) {
            return normalized;
        }
        String[] words = normalized.split(" ");
        StringBuilder out = new StringBuilder(normalized.length());
        for (String word : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(foldWord(word, vocabulary, keep));
        }
        return out.toString();
    }

    private static String foldWord(String word, Collection<String> vocabulary, Set<String> keep) {
        if (word.length() < 4 || keep.contains(word) || vocabulary.contains(word)
                || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        int limit = word.length() >= 9 ? 2 : 1;
        String best = word;
        int bestDistance = limit + 1;
        for (String target : vocabulary) {
            if (target.length() < 4) {
                continue;
            }
            int d = TextNormalizer.distance(word, target, limit);
            if (d < bestDistance) {
                best = target;
                bestDistance = d;
            }
        }
        return best;
    }
}
