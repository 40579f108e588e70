package dev.llmbench.graders.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts and finds words the way instruction-following graders need them.
 *
 * <p>A word is a run of letters and digits, joined across single inner apostrophes, hyphens,
 * full stops and commas: {@code don't}, {@code well-known}, {@code 3.14}, {@code 1,234} and
 * {@code e.g} are one word each; punctuation and Markdown markup are not words.
 *
 * <p>Whole-word matching ({@link #occurrences(String, String)}) is case-insensitive and treats any
 * character that is not a letter or digit as a boundary, like {@code \b} in IFEval: {@code
 * serverless} matches in {@code SERVERLESS-BASED} but not in {@code serverlessly}.
 *
 * <p>Stateless, immutable and thread-safe.
 *
 * @since 0.1
 */
public final class WordCounter {
    private static final String JOINERS = "'’.,-";

    private WordCounter() {}

    /**
     * The words of {@code text}, in order.
     *
     * @param text any text; never null
     * @return the words; never null
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i))
                    || (JOINERS.indexOf(text.charAt(i)) >= 0 && i + 1 < n && i > start
                            && Character.isLetterOrDigit(text.charAt(i + 1))))) {
                i++;
            }
            out.add(text.substring(start, i));
        }
        return List.copyOf(out);
    }

    /**
     * The number of words in {@code text}.
     *
     * @param text any text; never null
     * @return zero or more
     */
    public static int count(String text) {
        return words(text).size();
    }

    /**
     * How often {@code word} occurs in {@code text} as a whole word (or whole phrase),
     * case-insensitively.
     *
     * @param text any text; never null
     * @param word a word or phrase containing a letter or digit; never null
     * @return zero or more
     * @throws IllegalArgumentException when {@code word} has no letter or digit
     */
    public static int occurrences(String text, String word) {
        String w = word.strip();
        if (w.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("word (\"" + word + "\") must contain a letter or digit");
        }
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        int n = 0;
        Matcher m = p.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * Whether the last words of {@code text} are {@code phrase}'s words, case-insensitively;
     * trailing punctuation, quotes and markup are ignored.
     *
     * @param text   any text; never null
     * @param phrase one or more words; never null
     * @return false when {@code phrase} has no words
     */
    public static boolean endsWith(String text, String phrase) {
        List<String> want = words(phrase);
        List<String> have = words(text);
        if (want.isEmpty() || have.size() < want.size()) {
            return false;
        }
        List<String> tail = have.subList(have.size() - want.size(), have.size());
        for (int i = 0; i < want.size(); i++) {
            if (!tail.get(i).toLowerCase(Locale.ROOT).equals(want.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the first words of {@code text} are {@code phrase}'s words, case-insensitively;
     * leading punctuation, quotes and markup are ignored (the mirror of {@link #endsWith}).
     *
     * @param text   any text; never null
     * @param phrase one or more words; never null
     * @return false when {@code phrase} has no words
     */
    public static boolean startsWith(String text, String phrase) {
        List<String> want = words(phrase);
        List<String> have = words(text);
        if (want.isEmpty() || have.size() < want.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            if (!have.get(i).toLowerCase(Locale.ROOT).equals(want.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last word of {@code text}, or an empty string when it has none.
     *
     * @param text any text; never null
     * @return never null
     */
    public static String lastWord(String text) {
        List<String> w = words(text);
        return w.isEmpty() ? "" : w.get(w.size() - 1);
    }
}
