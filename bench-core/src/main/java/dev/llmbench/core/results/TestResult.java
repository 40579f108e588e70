package dev.llmbench.core.results;

import dev.llmbench.core.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One test's aggregate for one model. Immutable and thread-safe.
 *
 * @param id        the test id
 * @param category  the test's category
 * @param score     mean trial score in [0, 1] (failed requests score 0)
 * @param scoreCi95 the 95% confidence interval of the mean score, when at least 2 trials exist
 * @param passRate  share of trials that passed, in [0, 1]
 * @param passed    whether the pass rate is at least 0.5
 * @param errors    trials whose request failed
 * @param trials    the trials, in plan order
 * @since 0.1
 */
public record TestResult(
        String id,
        String category,
        double score,
        Optional<Interval> scoreCi95,
        double passRate,
        boolean passed,
        int errors,
        List<TrialRecord> trials) {
    /** Validates the components and copies the list. */
    public TestResult {
        Checks.notBlank(id, "id");
        Checks.notNull(category, "category");
        Checks.notNull(scoreCi95, "scoreCi95");
        trials = List.copyOf(Checks.notNull(trials, "trials"));
    }
}
