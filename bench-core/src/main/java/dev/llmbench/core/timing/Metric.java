package dev.llmbench.core.timing;

import java.util.Locale;

/**
 * The distributions the timing engine records per model. Durations are recorded in nanoseconds
 * and reported in milliseconds; rates are recorded and reported in tokens per second.
 *
 * @since 0.1
 */
public enum Metric {
    /** Time to first byte. */
    TTFB(true),
    /** Time to first content token. */
    TTFT(true),
    /** Time to first reasoning token. */
    TTFR(true),
    /** Total latency. */
    LATENCY(true),
    /** Inter-token latency: every gap, pooled across requests. */
    ITL(true),
    /** Time per output token after the first. */
    TPOT(true),
    /** Decode throughput. */
    DECODE_TPS(false),
    /** End-to-end throughput. */
    E2E_TPS(false);

    private final boolean duration;

    Metric(boolean duration) {
        this.duration = duration;
    }

    /** Whether this metric is a duration (else a rate in tokens per second). */
    public boolean duration() {
        return duration;
    }

    /** The name used in result files, e.g. {@code "decode_tps"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The metric with this id, e.g. {@code "ttft"} or {@code "decode_tps"}.
     *
     * @throws IllegalArgumentException when no metric has this id
     */
    public static Metric fromId(String id) {
        for (Metric m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric \"" + id + "\"");
    }

    /** The reporting unit: {@code "ms"} or {@code "tokens/s"}. */
    public String unit() {
        return duration ? "ms" : "tokens/s";
    }
}
