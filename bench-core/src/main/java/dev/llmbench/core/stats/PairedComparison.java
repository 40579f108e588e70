package dev.llmbench.core.stats;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.Interval;
import java.util.List;
import java.util.Optional;

/**
 * A paired comparison of two models on the same items (cases, or case × trial): the mean of the
 * per-item differences A − B with a 95% confidence interval, and the verdict it supports.
 * Pairing removes the variance that comes from some items being harder than others, so it finds
 * real differences with fewer samples than comparing two independent means (see "Adding Error
 * Bars to Evals", Miller 2024). Immutable and thread-safe.
 *
 * @param meanDiff the mean of A − B
 * @param ci95     the 95% interval of the mean difference, empty with fewer than 2 pairs
 * @param pairs    how many pairs
 * @param verdict  A, B, or TIE when the interval contains zero or cannot be computed
 * @since 0.1
 */
public record PairedComparison(double meanDiff, Optional<Interval> ci95, int pairs, Verdict verdict) {
    /** Validates the components. */
    public PairedComparison {
        Checks.notNull(ci95, "ci95");
        Checks.nonNegative(pairs, "pairs");
        Checks.notNull(verdict, "verdict");
    }

    /**
     * Compares paired values: {@code a.get(i)} and {@code b.get(i)} belong to the same item. The
     * interval is a Student-t interval of the differences; when the differences pile up at a bound
     * (all the same sign or zero) or there are fewer than 10 pairs, a seeded bootstrap interval is
     * used instead. With no variance at all, a non-zero difference is a clear verdict.
     *
     * @throws IllegalArgumentException when the lists differ in size
     */
    public static PairedComparison of(List<Double> a, List<Double> b) {
        return of(a, b, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #of(List, List)}, with the interval clamped to the differences' possible range
     * {@code [lo, hi]} (for scores in [0, 1]: [−1, 1]).
     */
    public static PairedComparison of(List<Double> a, List<Double> b, double lo, double hi) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("paired lists differ in size: " + a.size() + " vs " + b.size());
        }
        int n = a.size();
        List<Double> diffs = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            diffs.add(a.get(i) - b.get(i));
        }
        double mean = n == 0 ? 0 : Intervals.mean(diffs);
        Optional<Interval> ci;
        if (n < 2) {
            ci = Optional.empty();
        } else if (Intervals.variance(diffs) == 0) {
            ci = Optional.of(new Interval(mean, mean));
        } else if (n < 10) {
            ci = Bootstrap.meanCi(diffs, 0.95);
        } else {
            ci = Intervals.meanT(diffs, 0.95, Math.max(lo, -Double.MAX_VALUE), Math.min(hi, Double.MAX_VALUE));
        }
        Verdict v = Verdict.TIE;
        if (ci.isPresent()) {
            if (ci.get().lo() > 0) {
                v = Verdict.A;
            } else if (ci.get().hi() < 0) {
                v = Verdict.B;
            }
        }
        return new PairedComparison(mean, ci, n, v);
    }
}
