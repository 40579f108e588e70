package dev.llmbench.graders.numeric;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code numeric} grader: reads the final answer from the response's last {@code Answer:}
 * line and compares it with an expected number.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code expected} (number, required): the correct answer.
 *   <li>{@code tolerance} (number &ge; 0, default 0): the largest accepted absolute difference.
 *   <li>{@code unit} (string, optional): a unit word that must follow the number, e.g.
 *       {@code minutes}; singular and plural both match ({@code minute}/{@code minutes}).
 *   <li>{@code fallback_last_number} (boolean, default false): when there is no answer line,
 *       grade the last number in the text instead. Off by default: the seed harness credited the
 *       expected number anywhere, even as an intermediate value, and we do not.
 * </ul>
 *
 * <h2>Checks</h2>
 * <ul>
 *   <li>{@code answer_present} (weight 1): an {@code Answer:} line with a number was found (see
 *       {@link dev.llmbench.graders.text.AnswerLine}).
 *   <li>{@code answer} (weight 2): the number equals {@code expected} within {@code tolerance}.
 *       The heavier weight keeps "answer line present but wrong" well below "right answer".
 *   <li>{@code unit} (weight 1, only when {@code unit} is set): the unit word follows the number.
 * </ul>
 * Accepted number forms: {@code 36}, {@code 36.0}, {@code -4.5}, {@code 1,234}, {@code $36},
 * {@code **36**}, {@code 36 minutes}, {@code 12%}. A value that does not start with a number
 * ({@code Answer: thirty-six}, {@code Answer: about 36}) fails {@code answer_present}. The grade
 * passes on its own only when every check passes.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class NumericGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "numeric";

    private static final Set<String> KNOWN = Set.of("expected", "tolerance", "unit", "fallback_last_number");

    /** Creates the factory; does no I/O. */
    public NumericGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "final number from the last 'Answer:' line; params: expected (required), tolerance (default 0),"
                + " unit, fallback_last_number (default false)";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when {@code expected} is missing or not a
     *         finite number, {@code tolerance} is negative, {@code unit} is blank, or a parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        double expected = config.optNumber("expected")
                .orElseThrow(() -> Params.error(config, "needs parameter 'expected' (the correct number)"));
        double tolerance = config.optNumber("tolerance").orElse(0.0);
        if (tolerance < 0) {
            throw Params.error(config, "parameter 'tolerance' must be non-negative, got " + tolerance);
        }
        Optional<String> unit = config.optString("unit").map(String::strip);
        if (unit.isPresent() && !unit.get().matches("\\p{L}+")) {
            throw Params.error(config, "parameter 'unit' must be one word of letters, got \"" + unit.get() + "\"");
        }
        boolean fallback = config.bool("fallback_last_number", false);
        return new NumericGrader(expected, tolerance, unit, fallback);
    }
}
