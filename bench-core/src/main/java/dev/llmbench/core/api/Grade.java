package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;
import java.util.List;

/**
 * The result of grading one response. The score is the weighted share of passed checks, so every
 * point of it can be explained. Immutable and thread-safe.
 *
 * @param score  in [0, 1]
 * @param passed whether the score reached the pass threshold
 * @param checks the itemised checks; never empty
 * @since 0.1
 */
public record Grade(double score, boolean passed, List<Check> checks) {
    /** Validates the components and copies the list. */
    public Grade {
        Checks.inRange(score, 0.0, 1.0, "score");
        checks = List.copyOf(Checks.notNull(checks, "checks"));
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a grade needs at least one check");
        }
    }

    /**
     * The grade of {@code checks}: score = Σ weight of passed checks / Σ weight; passed when the
     * score is at least {@code passThreshold} (in [0, 1]).
     */
    public static Grade of(List<Check> checks, double passThreshold) {
        Checks.inRange(passThreshold, 0.0, 1.0, "passThreshold");
        double total = 0;
        double got = 0;
        for (Check c : checks) {
            total += c.weight();
            if (c.passed()) {
                got += c.weight();
            }
        }
        double score = total == 0 ? 0 : Math.min(1.0, got / total);
        return new Grade(score, score >= passThreshold - 1e-12, checks);
    }

    /** The grade of {@code checks}, passed only when all checks pass. */
    public static Grade allOf(List<Check> checks) {
        return of(checks, 1.0);
    }
}
