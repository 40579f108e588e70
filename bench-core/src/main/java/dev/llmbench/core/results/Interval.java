package dev.llmbench.core.results;

/**
 * A closed interval {@code [lo, hi]}, such as a 95% confidence interval. Immutable and thread-safe.
 *
 * @param lo the lower bound
 * @param hi the upper bound, not below {@code lo}
 * @since 0.1
 */
public record Interval(double lo, double hi) {
    /** Validates the bounds. */
    public Interval {
        if (Double.isNaN(lo) || Double.isNaN(hi) || hi < lo) {
            throw new IllegalArgumentException("interval [" + lo + ", " + hi + "] is invalid");
        }
    }

    /** Half the width. */
    public double halfWidth() {
        return (hi - lo) / 2;
    }
}
