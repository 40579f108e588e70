package dev.llmbench.graders.facts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised phrase matching: case, punctuation, Markdown, thousands separators and ordinal
 * suffixes do not matter, word boundaries do.
 *
 * <p>{@link #normalize(String)} applies NFKC, lower-cases, removes thousands separators
 * ({@code 1,000} → {@code 1000}) and ordinal suffixes ({@code 14th} → {@code 14}), writes
 * {@code %} as the word {@code percent}, keeps decimal points between digits ({@code 99.9}) and turns
 * every other character that is not a letter or digit into a single space. {@link #contains}
 * then matches whole words only: {@code "march 14"} is in {@code "on march 14 2025"} but
 * {@code "14"} is not in {@code "140"}.
 *
 * <p>Stateless and thread-safe.
 */
final class Phrases {
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final Pattern ORDINAL = Pattern.compile("(?<=\\d)(?:st|nd|rd|th)\\b");

    private Phrases() {}

    /** The normalised form of {@code s}: lower-case words and numbers separated by single spaces. */
    static String normalize(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = THOUSANDS.matcher(t).replaceAll("");
        t = ORDINAL.matcher(t).replaceAll("");
        t = t.replace("%", " percent ");
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean decimalPoint = c == '.' && i > 0 && i + 1 < t.length()
                    && Character.isDigit(t.charAt(i - 1)) && Character.isDigit(t.charAt(i + 1));
            if (Character.isLetterOrDigit(c) || decimalPoint) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
        return b.toString().strip();
    }

    /** Whether the normalised {@code phrase} occurs in the normalised {@code text} as whole words. */
    static boolean contains(String normalizedText, String normalizedPhrase) {
        if (normalizedPhrase.isEmpty()) {
            return false;
        }
        return (" " + normalizedText + " ").contains(" " + normalizedPhrase + " ");
    }
}
