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
 * @param scoreCiMethod how that interval was computed: {@code t} (Student-t) or {@code bootstrap}
 *                  (seeded percentile bootstrap, used for small samples or scores piled at 0 or 1)
 * @param passRate  share of trials that passed, in [0, 1]
 * @param passRateCi95 the Wilson 95% interval of the pass rate
 * @param passed    whether the pass rate is at least 0.5
 * @param errors    trials whose request failed
 * @param passAtK   unbiased pass@k by k (1 to the trials per case), averaged over cases
 * @param passPowK  pass^k (all k trials pass) by k, averaged over cases
 * @param trials    the trials, in plan order
 * @since 0.1
 */
public record TestResult(
        String id,
        String category,
        double score,
        Optional<Interval> scoreCi95,
        String scoreCiMethod,
        double passRate,
        Optional<Interval> passRateCi95,
        boolean passed,
        int errors,
        java.util.Map<Integer, Double> passAtK,
        java.util.Map<Integer, Double> passPowK,
        List<TrialRecord> trials) {
    /** Validates the components and copies the list. */
    public TestResult {
        Checks.notBlank(id, "id");
        Checks.notNull(category, "category");
        Checks.notNull(scoreCi95, "scoreCi95");
        Checks.notNull(scoreCiMethod, "scoreCiMethod");
        Checks.notNull(passRateCi95, "passRateCi95");
        passAtK = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(Checks.notNull(passAtK, "passAtK")));
        passPowK = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(Checks.notNull(passPowK, "passPowK")));
        trials = List.copyOf(Checks.notNull(trials, "trials"));
    }
}
