package dev.llmbench.graders.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the specifics a response asserts: numbers (digit runs), month and weekday names, and
 * proper names (capitalised words that do not start a sentence, a line or a clause after a colon).
 *
 * <p>Heuristics and their limits: a proper name at the start of a sentence is not seen; a common
 * word capitalised mid-sentence is taken for a name unless it is allowed. In a sentence about the
 * model's own knowledge cutoff ("my training data goes up to October 2023") years and months are
 * not counted, while names and other numbers still are.
 *
 * <p>Stateless and thread-safe.
 */
final class Specifics {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern CUTOFF = Pattern.compile(
            "(?i)cut-?\\s?off|training data|last update|knowledge (?:extends|goes|ends)");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");
    private static final Set<String> MONTHS_ONLY = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    /** Capitalised words that name nothing specific about the subject of a question. */
    static final Set<String> GENERIC = Set.of("i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "ai",
            "ok", "ceo", "ipo", "answer", "unknown", "note", "english", "internet", "web", "google", "wikipedia", "however");

    private Specifics() {}

    /**
     * The specifics in {@code text} that are not allowed, in order of appearance, each once.
     *
     * @param allowedWords lower-case words that may appear (the question's own names, an allow-list)
     * @param allowedNumbers canonical numbers that may appear (see {@link Numbers#canonical})
     */
    static List<String> find(String text, Set<String> allowedWords, Set<String> allowedNumbers) {
        Set<String> out = new LinkedHashSet<>();
        for (String sentence : text.split("(?<=[.!?])\\s+|\\n")) {
            boolean aboutCutoff = CUTOFF.matcher(sentence).find();
            Matcher d = DIGITS.matcher(sentence);
            while (d.find()) {
                boolean glued = d.start() > 0 && Character.isLetter(sentence.charAt(d.start() - 1));
                String value = canonical(d.group());
                if (!glued && !allowedNumbers.contains(value) && !(aboutCutoff && YEAR.matcher(d.group()).matches())) {
                    out.add(d.group());
                }
            }
            Matcher w = WORD.matcher(sentence);
            while (w.find()) {
                String word = w.group();
                String lower = word.toLowerCase(Locale.ROOT);
                if (allowedWords.contains(lower) || GENERIC.contains(lower)) {
                    continue;
                }
                if (CALENDAR.contains(lower) && Character.isUpperCase(word.charAt(0))) {
                    boolean modalMay = lower.equals("may") && startsClause(sentence, w.start());
                    if (!modalMay && !(aboutCutoff && MONTHS_ONLY.contains(lower))) {
                        out.add(word);
                    }
                } else if (Character.isUpperCase(word.charAt(0)) && !startsClause(sentence, w.start())) {
                    out.add(word);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The lower-case words of {@code text}, for allow-lists. */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            out.add(w.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The canonical numbers written with digits in {@code text}. */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher d = DIGITS.matcher(text);
        while (d.find()) {
            out.add(canonical(d.group()));
        }
        return out;
    }

    private static String canonical(String digits) {
        String plain = digits.matches("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?") ? digits.replace(",", "") : digits;
        try {
            return Numbers.canonical(plain);
        } catch (NumberFormatException e) {
            return plain;
        }
    }

    /** Whether only blanks, quotes, brackets and Markdown precede {@code index} since a clause start. */
    private static boolean startsClause(String s, int index) {
        for (int i = index - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ':' || c == ';' || c == '.' || c == '!' || c == '?') {
                return true;
            }
            if (!(Character.isWhitespace(c) || "\"'“”‘’([{*_#>-–—•".indexOf(c) >= 0 || Character.isDigit(c))) {
                return false;
            }
        }
        return true;
    }
}
