package dev.llmbench.core.results;

/**
 * A summary of a distribution in its reporting unit (milliseconds for durations, tokens per second
 * for rates). Percentiles are on the 0–100 scale. An empty distribution has {@code count == 0}
 * and NaN everywhere else (written as JSON {@code null}). Immutable and thread-safe.
 *
 * @param count the number of recorded values
 * @param mean  the mean
 * @param p50   the 50th percentile
 * @param p90   the 90th percentile
 * @param p95   the 95th percentile
 * @param p99   the 99th percentile
 * @param max   the largest value
 * @since 0.1
 */
public record Distribution(long count, double mean, double p50, double p90, double p95, double p99, double max) {
    /** No values. */
    public static final Distribution EMPTY =
            new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Validates the count. */
    public Distribution {
        if (count < 0) {
            throw new IllegalArgumentException("count (" + count + ") must be non-negative");
        }
    }

    /** Whether no value was recorded. */
    public boolean isEmpty() {
        return count == 0;
    }
}
