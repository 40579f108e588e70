package dev.llmbench.graders.text;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code sentences} grader: counts sentences with {@link SentenceSplitter} and checks the count
 * against a range.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code exactly} (integer &ge; 0), or {@code min} and/or {@code max} (integers &ge; 0,
 *       inclusive, {@code min} &le; {@code max}); at least one is required and {@code exactly}
 *       cannot be combined with the others.
 *   <li>{@code section} ({@code all}, the default, or {@code before_answer}): with
 *       {@code before_answer} only the text before the last {@code Answer:} line (see
 *       {@link AnswerLine}) is counted, i.e. the explanation; with no answer line the whole text
 *       is counted (a missing answer line is the {@code numeric} grader's business).
 * </ul>
 *
 * <h2>Checks</h2>
 * One check, {@code sentence_count}, weight 1. Its {@code actual} gives the count and the
 * sentences found, so a miscount can be diagnosed.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SentenceCountGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "sentences";

    private static final Set<String> KNOWN = Set.of("min", "max", "exactly", "section");

    /** Creates the factory; does no I/O. */
    public SentenceCountGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "sentence count (robust splitter); params: exactly, or min/max (inclusive);"
                + " section: all (default) or before_answer";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when no bound is given, {@code exactly}
     *         is combined with {@code min}/{@code max}, {@code min > max}, a bound is negative or not
     *         an integer, {@code section} is unknown, or a parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        CountRange range = CountRange.parse(config, "exactly", "min", "max")
                .orElseThrow(() -> Params.error(config, "needs parameter 'exactly', or 'min' and/or 'max'"));
        String section = config.optString("section").orElse("all").strip().toLowerCase(Locale.ROOT);
        if (!section.equals("all") && !section.equals("before_answer")) {
            throw Params.error(config, "parameter 'section' must be 'all' or 'before_answer', got \"" + section + "\"");
        }
        return new SentenceCountGrader(range.min(), range.max(), section.equals("before_answer"));
    }
}
