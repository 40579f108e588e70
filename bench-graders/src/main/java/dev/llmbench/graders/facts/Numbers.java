package dev.llmbench.graders.facts;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers a text states, as canonical values, so that different spellings of the same
 * number compare equal: {@code 1,000} = {@code 1000}, {@code 12%} = {@code 12 percent} = {@code 12},
 * {@code 99.90} = {@code 99.9}, {@code 14th} = {@code 14}, and the words {@code two} to
 * {@code twelve} (and {@code twenty}, {@code thirty}, … {@code ninety}, {@code hundred}) equal their
 * digits. "one" is not read as a number (it is mostly a pronoun), and signs are ignored.
 * A digit run glued to a preceding letter ({@code G7}, {@code MP3}) is part of a name, not a number.
 *
 * <p>Not covered: multipliers ({@code 2 million} is 2, not 2,000,000), fractions written as words
 * and Roman numerals.
 *
 * <p>Stateless and thread-safe.
 */
final class Numbers {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(\\.\\d+)?");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private Numbers() {}

    /**
     * The canonical values of the numbers in {@code text}, in order of first occurrence, written as
     * plain decimals without trailing zeros ({@code "1000"}, {@code "99.9"}).
     */
    static Set<String> in(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String digits = m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2));
            out.add(canonical(digits));
        }
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            Integer v = WORDS.get(w.group().toLowerCase(java.util.Locale.ROOT));
            if (v != null) {
                out.add(String.valueOf(v));
            }
        }
        return out;
    }

    /** The canonical form of one number as written ({@code "1,000"}, {@code "12.50"}); the input must be numeric. */
    static String canonical(String number) {
        return new BigDecimal(number.strip().replace(",", "")).stripTrailingZeros().toPlainString();
    }
}
