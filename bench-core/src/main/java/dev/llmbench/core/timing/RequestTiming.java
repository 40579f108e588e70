package dev.llmbench.core.timing;

import dev.llmbench.core.internal.Checks;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The client-side timing of one request, derived from event stamps of one monotonic clock.
 * All durations are in nanoseconds from the request start; {@value #ABSENT} marks an event that
 * never happened. Immutable and thread-safe.
 *
 * <p>Definitions (DESIGN.md, "Metrics"):
 * <ul>
 *   <li>{@code ttfb}: start → first response byte;</li>
 *   <li>{@code ttft}: start → first non-empty content delta;</li>
 *   <li>{@code ttfr}: start → first non-empty reasoning delta;</li>
 *   <li>{@code latency}: start → terminal event;</li>
 *   <li>{@code itl}: every gap between consecutive non-empty content deltas;</li>
 *   <li>{@code tpot}: (latency − ttft) / (output tokens − 1);</li>
 *   <li>{@code decode_tps}: output tokens / (latency − ttft), in tokens per second;</li>
 *   <li>{@code e2e_tps}: output tokens / latency, in tokens per second.</li>
 * </ul>
 *
 * @param ttfbNanos    time to first byte, or {@value #ABSENT}
 * @param ttftNanos    time to first token, or {@value #ABSENT}
 * @param ttfrNanos    time to first reasoning token, or {@value #ABSENT}
 * @param latencyNanos total latency; non-negative
 * @param itlNanos     inter-token gaps in nanoseconds, in arrival order, as primitives; never null
 * @param outputTokens output tokens (provider-reported or counted); non-negative
 * @param usageSource  where {@code outputTokens} came from; never null
 * @since 0.1
 */
public record RequestTiming(
        long ttfbNanos,
        long ttftNanos,
        long ttfrNanos,
        long latencyNanos,
        TokenGaps itlNanos,
        long outputTokens,
        UsageSource usageSource) {

    /** Marks an event that never happened. */
    public static final long ABSENT = -1;

    /** Validates the components ({@link TokenGaps} is immutable, so nothing is copied). */
    public RequestTiming {
        Checks.nonNegative(latencyNanos, "latencyNanos");
        Checks.notNull(itlNanos, "itlNanos");
        Checks.nonNegative(outputTokens, "outputTokens");
        Checks.notNull(usageSource, "usageSource");
        for (long v : new long[] {ttfbNanos, ttftNanos, ttfrNanos}) {
            if (v < ABSENT) {
                throw new IllegalArgumentException("stamps must be >= 0 or ABSENT (-1), got " + v);
            }
        }
    }

    /**
     * The same timing from boxed gaps (unboxed into {@link TokenGaps}); for callers that hold a
     * list, such as tests.
     */
    public RequestTiming(long ttfbNanos, long ttftNanos, long ttfrNanos, long latencyNanos, List<Long> itlNanos,
            long outputTokens, UsageSource usageSource) {
        this(ttfbNanos, ttftNanos, ttfrNanos, latencyNanos, TokenGaps.of(Checks.notNull(itlNanos, "itlNanos")),
                outputTokens, usageSource);
    }

    /** Time to first byte when one arrived. */
    public OptionalLong ttfb() {
        return opt(ttfbNanos);
    }

    /** Time to first content token when one arrived. */
    public OptionalLong ttft() {
        return opt(ttftNanos);
    }

    /** Time to first reasoning token when one arrived. */
    public OptionalLong ttfr() {
        return opt(ttfrNanos);
    }

    /** Time per output token after the first, in nanoseconds; empty without a TTFT or with fewer than 2 tokens. */
    public OptionalDouble tpotNanos() {
        if (ttftNanos == ABSENT || outputTokens < 2) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (latencyNanos - ttftNanos) / (outputTokens - 1));
    }

    /** Output tokens per second of decoding, after the first token; empty when undefined. */
    public OptionalDouble decodeTps() {
        if (ttftNanos == ABSENT || latencyNanos <= ttftNanos || outputTokens == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(outputTokens * 1e9 / (latencyNanos - ttftNanos));
    }

    /** Output tokens per second over the whole request; empty when undefined. */
    public OptionalDouble e2eTps() {
        if (latencyNanos == 0 || outputTokens == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(outputTokens * 1e9 / latencyNanos);
    }

    private static OptionalLong opt(long v) {
        return v == ABSENT ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
