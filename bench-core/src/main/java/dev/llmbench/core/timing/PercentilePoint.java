package dev.llmbench.core.timing;

/**
 * One point of a percentile distribution, as HdrHistogram's {@code .hgrm} output lists them.
 * Immutable and thread-safe.
 *
 * @param percentile the percentile, on the 0–100 scale
 * @param value      the value at that percentile in the metric's reporting unit (milliseconds for
 *                   durations, tokens per second for rates)
 * @param count      how many recorded values are at or below {@code value}
 * @since 0.1
 */
public record PercentilePoint(double percentile, double value, long count) {
    /** Validates the percentile. */
    public PercentilePoint {
        dev.llmbench.core.internal.Checks.percentile(percentile, "percentile");
    }

    /**
     * HdrHistogram's plotting abscissa {@code 1 / (1 − percentile/100)}: 1 at the 0th percentile,
     * 10 at the 90th, 100 at the 99th, 1000 at the 99.9th; infinite at the 100th.
     */
    public double inverseTail() {
        return 1.0 / (1.0 - percentile / 100.0);
    }
}
