package dev.llmbench.jmh;

import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.TokenGaps;
import dev.llmbench.core.timing.UsageSource;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The part of a {@link TrialRecord} that the figures need, in a form JMH can serialize from a
 * forked VM to the host: grade, error flag and the exact client-side timing. Immutable after
 * construction (the gap array is never exposed); thread-safe.
 *
 * @param score        the graded score in [0, 1], 0 for a failed request
 * @param passed       whether the case passed
 * @param failed       whether the request failed
 * @param ttfbNanos    time to first byte in ns, or -1
 * @param ttftNanos    time to first token in ns, or -1
 * @param ttfrNanos    time to first reasoning token in ns, or -1
 * @param latencyNanos total latency in ns
 * @param itlNanos     inter-token gaps in ns, in arrival order
 * @param outputTokens output tokens
 * @param usageSource  where the token count came from
 */
record TrialSample(double score, boolean passed, boolean failed, long ttfbNanos, long ttftNanos, long ttfrNanos,
        long latencyNanos, long[] itlNanos, long outputTokens, UsageSource usageSource) implements Serializable {

    private static final long serialVersionUID = 1L;

    TrialSample {
        itlNanos = itlNanos.clone();
    }

    static TrialSample of(TrialRecord r) {
        RequestTiming t = r.timing();
        return new TrialSample(r.score(), r.passed(), r.error().isPresent(), t.ttfbNanos(), t.ttftNanos(), t.ttfrNanos(),
                t.latencyNanos(), t.itlNanos().toArray(), t.outputTokens(),
                t.usageSource());
    }

    /** The timing exactly as recorded. */
    RequestTiming timing() {
        return new RequestTiming(ttfbNanos, ttftNanos, ttfrNanos, latencyNanos, TokenGaps.of(itlNanos), outputTokens,
                usageSource);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialSample s && score == s.score && passed == s.passed && failed == s.failed
                && ttfbNanos == s.ttfbNanos && ttftNanos == s.ttftNanos && ttfrNanos == s.ttfrNanos
                && latencyNanos == s.latencyNanos && Arrays.equals(itlNanos, s.itlNanos)
                && outputTokens == s.outputTokens && usageSource == s.usageSource;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(itlNanos) + Long.hashCode(latencyNanos);
    }

    @Override
    public String toString() {
        return "TrialSample[score=" + score + ", passed=" + passed + ", failed=" + failed + ", latencyNanos="
                + latencyNanos + ", gaps=" + itlNanos.length + "]";
    }
}
