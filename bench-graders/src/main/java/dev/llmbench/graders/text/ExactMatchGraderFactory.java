package dev.llmbench.graders.text;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code exact} grader: the response's final form, normalised, must equal one of the accepted
 * answers, normalised the same way. Not a substring test: {@code Answer: Paris or Lyon} does not
 * match {@code Paris}, and a right answer followed by a later, different {@code Answer:} line is
 * graded by the later one.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code expected} (string or list of strings, required): the accepted answers; each must
 *       keep a letter or digit after normalisation.
 *   <li>{@code target} ({@code answer}, the default; {@code last_line}; {@code text}): which part of
 *       the response is compared, see {@link TextTarget}.
 *   <li>{@code ignore_case} (boolean, default true): compare case-insensitively.
 *   <li>{@code ignore_punctuation} (boolean, default true): every character that is not a letter,
 *       digit or whitespace reads as a space, so {@code O(log n)}, {@code O(log(n))} and
 *       {@code O(log n).} are equal. This also makes {@code -5} equal to {@code 5} and {@code 3.5}
 *       equal to {@code 3 5}: grade numbers with the {@code numeric} grader.
 *   <li>{@code ignore_articles} (boolean, default false): drop the words {@code a}, {@code an} and
 *       {@code the} (SQuAD-style answer normalisation).
 *   <li>{@code name} (string, default {@code exact}): the check's name, so that two {@code exact}
 *       graders in one case can be told apart.
 * </ul>
 * Always: Unicode NFKC normalisation ({@code log₂} reads as {@code log2}), whitespace runs collapsed
 * to one space, leading and trailing whitespace removed.
 *
 * <h2>Checks</h2>
 * One check (weight 1) named by {@code name}; {@code expected} lists the accepted answers as written
 * and {@code actual} quotes the final form found (or says that it is missing).
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ExactMatchGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "exact";

    private static final Set<String> KNOWN =
            Set.of("expected", "target", "ignore_case", "ignore_punctuation", "ignore_articles", "name");

    /** Creates the factory; does no I/O. */
    public ExactMatchGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "normalised exact match of the final form against accepted answers; params: expected (required),"
                + " target (answer|last_line|text), ignore_case, ignore_punctuation, ignore_articles, name";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when {@code expected} is missing or an
     *         accepted answer normalises to nothing, {@code target} is unknown, a flag is not a
     *         boolean, {@code name} is blank, or a parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        List<String> expected = config.strings("expected");
        if (expected.isEmpty()) {
            throw Params.error(config, "needs parameter 'expected' (one accepted answer or a list)");
        }
        ExactMatchGrader.Normalization norm = new ExactMatchGrader.Normalization(config.bool("ignore_case", true),
                config.bool("ignore_punctuation", true), config.bool("ignore_articles", false));
        List<String> normalized = new ArrayList<>();
        for (String e : expected) {
            String n = norm.apply(e);
            if (n.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw Params.error(config, "accepted answer \"" + e + "\" is empty after normalisation");
            }
            normalized.add(n);
        }
        String name = config.optString("name").orElse(ID).strip();
        if (name.isEmpty()) {
            throw Params.error(config, "parameter 'name' must not be blank");
        }
        return new ExactMatchGrader(name, TextTarget.parse(config, "target", TextTarget.ANSWER), norm, expected,
                normalized);
    }
}
