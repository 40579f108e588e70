package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.stats.PairedComparison;

/**
 * One test of a head-to-head: each model's mean score and the paired comparison of their trials.
 * Immutable and thread-safe.
 *
 * @param testId the test id
 * @param scoreA model A's mean score over the paired items, in [0, 1]
 * @param scoreB model B's mean score over the paired items, in [0, 1]
 * @param paired the paired comparison (A − B) with its verdict
 * @since 0.1
 */
public record TestComparison(String testId, double scoreA, double scoreB, PairedComparison paired) {
    /** Validates the components. */
    public TestComparison {
        Checks.notBlank(testId, "testId");
        Checks.notNull(paired, "paired");
    }
}
