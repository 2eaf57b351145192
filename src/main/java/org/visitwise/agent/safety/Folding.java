package org.visitwise.agent.safety;

/** Misspellings folded to the vocabulary they were meant as ("chset pian" → "chest pain"). */
final class Folding {

    private Folding() {
    }

    static String fold(String normalized, EmergencyLexicon lexicon) {
        if (normalized.isEmpty()) {
            return normalized;
        }
        String[] words = normalized.split(" ");
        StringBuilder out = new StringBuilder(normalized.length());
        for (String word : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(foldWord(word, lexicon));
        }
        return out.toString();
    }

    private static String foldWord(String word, EmergencyLexicon lexicon) {
        if (word.length() < 4 || lexicon.vocabulary().contains(word) || lexicon.keep().contains(word)
                || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        int limit = word.length() >= 9 ? 2 : 1;
        String best = word;
        int bestDistance = limit + 1;
        for (String target : lexicon.vocabulary()) {
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
