package dev.llmbench.graders.puzzle;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code arrangement} grader: reads a seating or ordering puzzle's full solution in a fixed
 * format and scores the share of positions right, plus the question asked about it.
 *
 * <h2>Format</h2>
 * Either one line per position, {@code 1: Alice} … {@code 5: Eve} (also {@code 1. Alice},
 * {@code Position 1: Alice}, {@code - **1:** Alice}; the name must be the whole rest of the
 * line), or one line {@code Order: Alice, Bob, Carol, Dave, Eve}. The arrangement written
 * <em>last</em> counts: the last run of consecutive numbered lines or the last {@code Order:}
 * line, whichever ends later, so a model may try arrangements before its final one. The answer
 * to the question is the last {@code Answer:} line
 * ({@link dev.llmbench.graders.text.AnswerLine}).
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code names} (list, required): the people, one word each, distinct ignoring case.
 *   <li>{@code expected} (list, required): the solution, position 1 first; a permutation of
 *       {@code names}. Compute it with a solver rather than typing it.
 *   <li>{@code answer} (string, optional): the expected answer to the question (one of the names).
 * </ul>
 *
 * <h2>Checks</h2>
 * <ul>
 *   <li>{@code format} (weight 1): a complete arrangement: every position from 1 to n exactly
 *       once, each a known name, no name twice. Its {@code actual} lists what is wrong.
 *   <li>{@code position_1} … {@code position_n} (weight 1 each): the name at that position is
 *       right. A malformed arrangement (duplicate, missing or unknown names) fails every position,
 *       so "1: Alice, 2: Alice, …" earns nothing.
 *   <li>{@code question} (weight 2, only with {@code answer}): the {@code Answer:} line names
 *       exactly one of the names, the expected one; "Bob or Dave" fails.
 * </ul>
 * Names match ignoring case. The grade passes on its own only when every check passes.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ArrangementGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "arrangement";

    private static final Set<String> KNOWN = Set.of("names", "expected", "answer");

    /** Creates the factory; does no I/O. */
    public ArrangementGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "full puzzle arrangement ('1: Alice' lines or 'Order: A, B, …'), share of positions right, plus the"
                + " 'Answer:' to the question; params: names, expected, answer";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when a parameter is unknown,
     *         {@code names} has fewer than two entries, an entry that is not one word or a
     *         duplicate, {@code expected} is not a permutation of {@code names}, or {@code answer}
     *         is not one of the names
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        List<String> names = config.strings("names").stream().map(String::strip).toList();
        if (names.size() < 2) {
            throw Params.error(config, "parameter 'names' needs at least two names, got " + names);
        }
        Set<String> lower = new HashSet<>();
        for (String n : names) {
            if (!n.matches("\\p{L}[\\p{L}'’-]*")) {
                throw Params.error(config, "parameter 'names' entries must be one word of letters, got \"" + n + "\"");
            }
            if (!lower.add(n.toLowerCase(Locale.ROOT))) {
                throw Params.error(config, "parameter 'names' has \"" + n + "\" twice");
            }
        }
        List<String> expected = config.strings("expected").stream().map(String::strip).toList();
        Set<String> expectedLower = new HashSet<>();
        expected.forEach(e -> expectedLower.add(e.toLowerCase(Locale.ROOT)));
        if (expected.size() != names.size() || !expectedLower.equals(lower)
                || !names.containsAll(expected)) {
            throw Params.error(config, "parameter 'expected' must be a permutation of 'names' " + names + ", got "
                    + expected);
        }
        Optional<String> answer = config.optString("answer").map(String::strip);
        if (answer.isPresent() && !names.contains(answer.get())) {
            throw Params.error(config, "parameter 'answer' must be one of " + names + ", got \"" + answer.get() + "\"");
        }
        return new ArrangementGrader(names, expected, answer);
    }
}
