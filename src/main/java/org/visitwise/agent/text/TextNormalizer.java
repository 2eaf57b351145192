package org.visitwise.agent.text;

import java.text.Normalizer;
import java.util.Locale;

/** Patient text as the rules read it: lowercase, accents and apostrophes gone, words only. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "").replaceAll("[^a-z0-9 ]", " ")
                .replaceAll("\\s+", " ").trim();
    }

    /**
     * The text as the understanding rules read it: as {@link #normalize}, but "/", ":", "." and "-"
     * between digits stay ("12/14", "3:30", "100.8", "2026-12-14"), so that dates and times can be read.
     */
    public static String normalizeKeepingNumbers(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean numberMark = (c == '/' || c == ':' || c == '.' || c == '-') && i > 0 && i + 1 < ascii.length()
                    && Character.isDigit(ascii.charAt(i - 1)) && Character.isDigit(ascii.charAt(i + 1));
            out.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || numberMark ? c : ' ');
        }
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    /**
     * Optimal-string-alignment distance (edits: insert, delete, substitute, swap two neighbours), or
     * {@code limit + 1} as soon as it is certain to exceed {@code limit}.
     */
    /**
     * Whether the text holds anything to read: a character that is not white space (of any script),
     * not a control character and not an invisible format character (zero-width space, byte-order mark,
     * bidirectional marks).
     */
    public static boolean hasVisibleText(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT);
    }

    public static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
