package dev.llmbench.core.timing;

/**
 * One bucket of a frequency distribution: the values in {@code [from, to)} and how many were
 * recorded there. Immutable and thread-safe.
 *
 * @param from  the lower bound, inclusive, in the metric's reporting unit
 * @param to    the upper bound, exclusive (inclusive for the last bucket), in the same unit
 * @param count recorded values in the bucket; non-negative
 * @since 0.1
 */
public record HistogramBucket(double from, double to, long count) {
    /** Validates the bounds and count. */
    public HistogramBucket {
        if (!(to >= from)) {
            throw new IllegalArgumentException("bucket [" + from + ", " + to + ") is invalid");
        }
        dev.llmbench.core.internal.Checks.nonNegative(count, "count");
    }
}
