package dev.llmbench.graders.text;

import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.internal.Params;
import java.util.Locale;
import java.util.Optional;

/**
 * Which part of a response a text grader reads: the final form the prompt asked for.
 *
 * <ul>
 *   <li>{@link #ANSWER} ({@code answer}): the value of the last {@code Answer:} line (see
 *       {@link AnswerLine}); absent when there is no such line.
 *   <li>{@link #LAST_LINE} ({@code last_line}): the last non-blank line, stripped, with Markdown
 *       emphasis ({@code ** __ `}) removed; absent when the text is blank. For a fixed final line such
 *       as {@code Complexity: O(log n)}: anything written after it makes it no longer the last line.
 *   <li>{@link #TEXT} ({@code text}): the whole response; always present.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum TextTarget {
    /** The value of the last {@code Answer:} line. */
    ANSWER("answer"),
    /** The last non-blank line. */
    LAST_LINE("last_line"),
    /** The whole response. */
    TEXT("text");

    private final String id;

    TextTarget(String id) {
        this.id = id;
    }

    /** The parameter value that selects this target, e.g. {@code last_line}. */
    public String id() {
        return id;
    }

    /**
     * The target's text in {@code response}.
     *
     * @param response any text; never null
     * @return the part read, or empty when the response has none (no answer line, blank text)
     */
    public Optional<String> extract(String response) {
        switch (this) {
            case ANSWER:
                return AnswerLine.findLast(response).map(AnswerLine::value);
            case LAST_LINE:
                String[] lines = response.split("\n");
                for (int i = lines.length - 1; i >= 0; i--) {
                    if (!lines[i].isBlank()) {
                        return Optional.of(lines[i].replace("**", "").replace("__", "").replace("`", "").strip());
                    }
                }
                return Optional.empty();
            default:
                return Optional.of(response);
        }
    }

    /** What a check says when this target is absent, e.g. {@code "no 'Answer:' line"}. */
    public String absence() {
        switch (this) {
            case ANSWER:
                return "no 'Answer:' line";
            case LAST_LINE:
                return "empty response";
            default:
                return "";
        }
    }

    /**
     * The target named by parameter {@code key} of {@code config}, or {@code fallback} when unset.
     *
     * @throws dev.llmbench.core.BenchConfigurationException when the value names no target
     */
    public static TextTarget parse(GraderConfig config, String key, TextTarget fallback) {
        Optional<String> v = config.optString(key);
        if (v.isEmpty()) {
            return fallback;
        }
        String s = v.get().strip().toLowerCase(Locale.ROOT);
        for (TextTarget t : values()) {
            if (t.id.equals(s)) {
                return t;
            }
        }
        throw Params.error(config,
                "parameter '" + key + "' must be answer, last_line or text, got \"" + v.get() + "\"");
    }
}
