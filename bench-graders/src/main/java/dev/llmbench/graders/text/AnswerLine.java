package dev.llmbench.graders.text;

import dev.llmbench.core.internal.Checks;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final-answer line of a response: a line that starts with {@code Answer:} (or {@code Final
 * answer:}), case-insensitively, possibly decorated with Markdown ({@code **Answer:** 36},
 * {@code ### Answer: 36}, {@code > Answer: 36}). When several lines qualify, the <em>last</em>
 * one is the answer. When the value after the colon is empty, the next non-blank line is the
 * value (for {@code Answer:} on a line of its own).
 *
 * <p>Immutable and thread-safe.
 *
 * @param offset where the answer line starts in the text, in chars; non-negative
 * @param line   the answer line as written, stripped; never null
 * @param value  the text after the colon with Markdown emphasis removed, stripped; never null
 * @since 0.1
 */
public record AnswerLine(int offset, String line, String value) {
    private static final Pattern LINE = Pattern.compile(
            "(?im)^[ \\t>#*_-]*(?:final[ \\t]+)?answer[ \\t]*[*_]*[ \\t]*[:：](.*)$");

    /** Validates the components. */
    public AnswerLine {
        Checks.nonNegative(offset, "offset");
        Checks.notNull(line, "line");
        Checks.notNull(value, "value");
    }

    /**
     * Finds the last answer line of {@code text}.
     *
     * @param text any text; never null
     * @return the answer line, or empty when there is none
     */
    public static Optional<AnswerLine> findLast(String text) {
        Matcher m = LINE.matcher(text);
        int start = -1;
        int valueEnd = -1;
        String value = null;
        while (m.find()) {
            start = m.start();
            valueEnd = m.end();
            value = m.group(1);
        }
        if (start < 0) {
            return Optional.empty();
        }
        String line = text.substring(start, valueEnd).strip();
        String v = unmark(value);
        if (v.isEmpty()) {
            for (String next : text.substring(Math.min(text.length(), valueEnd)).split("\n")) {
                if (!next.isBlank()) {
                    v = unmark(next);
                    break;
                }
            }
        }
        return Optional.of(new AnswerLine(start, line, v));
    }

    /**
     * The text before the last answer line, or all of {@code text} when there is none.
     *
     * @param text any text; never null
     * @return never null
     */
    public static String textBefore(String text) {
        return findLast(text).map(a -> text.substring(0, a.offset())).orElse(text);
    }

    private static String unmark(String s) {
        return s.replace("**", "").replace("__", "").replace("`", "").strip();
    }
}
