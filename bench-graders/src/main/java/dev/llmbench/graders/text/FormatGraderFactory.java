package dev.llmbench.graders.text;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code format} grader: where the response starts and ends, its letter case, and the form of
 * its first line.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code starts_with} (a word or phrase): the first words, ignoring leading punctuation,
 *       quotes and markup, case-insensitive ({@link WordCounter#startsWith}).
 *   <li>{@code ends_with} (a word or phrase): the last words, the same way (the {@code constraints}
 *       grader's check).
 *   <li>{@code case} ({@code upper} or {@code lower}): every letter upper (lower) case, and at least
 *       one letter, so an empty response fails.
 *   <li>{@code first_line} (a regular expression): must match the whole first non-blank line,
 *       stripped.
 *   <li>{@code title_line} (a label, e.g. {@code Title}): the first non-blank line is
 *       {@code <label>: <title>} (label case-insensitive; Markdown decoration such as {@code **} or a
 *       leading {@code #} is tolerated) with a title of 1 to {@code title_max_words} words.
 *   <li>{@code title_max_words} (integer &ge; 1, default 12, with {@code title_line}).
 *   <li>{@code title_case} (boolean, default false, with {@code title_line}): the title is in Title
 *       Case: its first word, and every word that is not a short function word (a, an, and, as, at,
 *       but, by, for, from, in, into, nor, of, off, on, onto, or, over, per, so, than, the, to, up,
 *       via, vs, with, yet), starts with an upper-case letter. Words starting with a digit are free.
 *   <li>{@code target} ({@code text}, the default; {@code answer}; {@code last_line}): see
 *       {@link TextTarget}.
 * </ul>
 * At least one of the constraints is required.
 *
 * <h2>Checks</h2>
 * One per constraint given, weight 1 each: {@code starts_with}, {@code ends_with}, {@code all_caps}
 * or {@code all_lowercase}, {@code first_line}, {@code title_line}, {@code title_case}. All fail
 * when the target is absent.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class FormatGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "format";

    private static final Set<String> KNOWN = Set.of("starts_with", "ends_with", "case", "first_line", "title_line",
            "title_max_words", "title_case", "target");

    /** Creates the factory; does no I/O. */
    public FormatGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "starts/ends with, letter case, first-line form; params: starts_with, ends_with, case (upper|lower),"
                + " first_line (regex), title_line (label), title_max_words, title_case, target";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when no constraint is given, a phrase has
     *         no letter or digit, {@code case} is neither upper nor lower, {@code first_line} is not a
     *         valid expression, a title option is given without {@code title_line} or is out of range,
     *         {@code target} is unknown, or a parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        Optional<String> startsWith = phrase(config, "starts_with");
        Optional<String> endsWith = phrase(config, "ends_with");
        List<Constraint> textChecks = new ArrayList<>();
        endsWith.ifPresent(p -> textChecks.add(new Constraint.EndsWith(p)));
        Optional<String> letterCase = config.optString("case").map(s -> s.strip().toLowerCase(Locale.ROOT));
        if (letterCase.isPresent()) {
            switch (letterCase.get()) {
                case "upper":
                    textChecks.add(new Constraint.AllCaps());
                    break;
                case "lower":
                    textChecks.add(new Constraint.AllLower());
                    break;
                default:
                    throw Params.error(config, "parameter 'case' must be 'upper' or 'lower', got \""
                            + config.string("case") + "\"");
            }
        }
        Optional<Pattern> firstLine = config.optString("first_line").map(p -> {
            try {
                return Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw Params.error(config, "parameter 'first_line' is not a valid regular expression: "
                        + e.getDescription());
            }
        });
        Optional<String> titleLabel = config.optString("title_line").map(String::strip);
        if (titleLabel.isPresent() && !titleLabel.get().matches("[\\p{L}\\p{N} _-]+")) {
            throw Params.error(config, "parameter 'title_line' must be a label of letters, e.g. \"Title\", got \""
                    + titleLabel.get() + "\"");
        }
        if (titleLabel.isEmpty() && (config.params().containsKey("title_max_words")
                || config.params().containsKey("title_case"))) {
            throw Params.error(config, "parameters 'title_max_words' and 'title_case' need 'title_line'");
        }
        int titleMaxWords = config.optInt("title_max_words").orElse(12);
        if (titleMaxWords < 1) {
            throw Params.error(config, "parameter 'title_max_words' must be at least 1, got " + titleMaxWords);
        }
        boolean titleCase = config.bool("title_case", false);
        if (startsWith.isEmpty() && textChecks.isEmpty() && firstLine.isEmpty() && titleLabel.isEmpty()) {
            throw Params.error(config, "needs at least one of starts_with, ends_with, case, first_line, title_line");
        }
        Optional<FormatGrader.Title> title = titleLabel.map(l -> new FormatGrader.Title(l, titleMaxWords, titleCase));
        return new FormatGrader(startsWith, textChecks, firstLine, title,
                TextTarget.parse(config, "target", TextTarget.TEXT));
    }

    private static Optional<String> phrase(GraderConfig config, String key) {
        Optional<String> p = config.optString(key).map(String::strip);
        if (p.isPresent() && WordCounter.count(p.get()) == 0) {
            throw Params.error(config, "parameter '" + key + "' needs a word, got \"" + p.get() + "\"");
        }
        return p;
    }
}
