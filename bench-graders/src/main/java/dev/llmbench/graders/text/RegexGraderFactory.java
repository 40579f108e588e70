package dev.llmbench.graders.text;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code regex} grader: a Java regular expression that must (or must not) match the response's
 * final form or its whole text.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code pattern} (string, required): a {@link java.util.regex.Pattern} expression; compiled
 *       when the grader is created. Inline flags such as {@code (?m)} and {@code (?s)} work.
 *   <li>{@code target} ({@code answer}, the default; {@code last_line}; {@code text}): see
 *       {@link TextTarget}.
 *   <li>{@code must_match} (boolean, default true): false turns the check around, e.g. "the
 *       injected canary must not appear". A must-not-match check passes when the target is absent.
 *   <li>{@code full_match} (boolean, default false): the pattern must match the whole target (after
 *       stripping surrounding whitespace), not just somewhere in it.
 *   <li>{@code ignore_case} (boolean, default false): case-insensitive, Unicode-aware.
 *   <li>{@code name} (string, default {@code regex}): the check's name.
 * </ul>
 *
 * <h2>Checks</h2>
 * One check (weight 1) named by {@code name}. {@code actual} quotes the match and where it starts,
 * or the start of the target when nothing matched. Matching is bounded by a time limit of
 * {@value RegexGrader#TIME_LIMIT_MS} ms per response, so a pathological pattern on adversarial
 * text fails the check ("pattern timed out") instead of hanging the run.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RegexGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "regex";

    private static final Set<String> KNOWN = Set.of("pattern", "target", "must_match", "full_match", "ignore_case",
            "name");

    /** Creates the factory; does no I/O. */
    public RegexGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "a regular expression that must (or must not) match the final form or the text; params: pattern"
                + " (required), target (answer|last_line|text), must_match, full_match, ignore_case, name";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when {@code pattern} is missing, empty or
     *         not a valid expression, {@code target} is unknown, a flag is not a boolean,
     *         {@code name} is blank, or a parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        String source = config.optString("pattern")
                .orElseThrow(() -> Params.error(config, "needs parameter 'pattern' (a Java regular expression)"));
        if (source.isEmpty()) {
            throw Params.error(config, "parameter 'pattern' must not be empty");
        }
        int flags = config.bool("ignore_case", false) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        Pattern pattern;
        try {
            pattern = Pattern.compile(source, flags);
        } catch (PatternSyntaxException e) {
            throw Params.error(config, "parameter 'pattern' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " of \"" + source + "\"");
        }
        String name = config.optString("name").orElse(ID).strip();
        if (name.isEmpty()) {
            throw Params.error(config, "parameter 'name' must not be blank");
        }
        return new RegexGrader(name, pattern, TextTarget.parse(config, "target", TextTarget.ANSWER),
                config.bool("must_match", true), config.bool("full_match", false));
    }
}
