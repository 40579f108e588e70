package dev.llmbench.core.load;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.MetricsRecorder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one model did under load, derived from its {@link LoadRecord}s. Rates are per second of
 * {@code elapsed} (from the start of the load phase to the end of its last request, at least the
 * window); durations in distributions are milliseconds. Immutable and thread-safe.
 *
 * @param model            the model spec ({@code provider:model})
 * @param spec             how the model was driven
 * @param scheduled        open loop: arrivals in the schedule; closed loop: requests started
 * @param started          requests sent
 * @param succeeded        requests that ended without error
 * @param failed           requests that ended with a classified error
 * @param errorsByClass    failures per error class id, sorted by id
 * @param good             successes that met the SLO (all successes with no SLO)
 * @param elapsedMs        milliseconds from the start of the phase to the end of its last request
 * @param offeredRate      scheduled requests per second of the window
 * @param achievedRate     requests sent per second, from the phase's start to its last send (at
 *                         least the window): the load actually applied, to set against
 *                         {@code offeredRate} (an open loop falls short when slots run out)
 * @param throughput       ended requests (successes and failures) per second of {@code elapsed}
 * @param goodput          good requests per second of {@code elapsed}
 * @param outputTokensPerSecond output tokens of successes per second of {@code elapsed}
 * @param maxInFlight      the most requests in flight at once
 * @param ttft             TTFT from the intended send time (equal to service TTFT in a closed loop)
 * @param latency          latency from the intended send time
 * @param serviceTtft      TTFT from the actual send
 * @param serviceLatency   latency from the actual send
 * @param sendDelay        actual minus intended send time
 * @param tpot             mean time per output token after the first, per request
 * @param itl              every gap between consecutive tokens (supplied by the runner)
 * @param timeline         the run cut into equal slices
 * @since 0.1
 */
public record LoadSummary(String model, LoadSpec spec, long scheduled, long started, long succeeded, long failed,
        Map<String, Long> errorsByClass, long good, double elapsedMs, double offeredRate, double achievedRate,
        double throughput, double goodput, double outputTokensPerSecond, int maxInFlight, Distribution ttft, Distribution latency,
        Distribution serviceTtft, Distribution serviceLatency, Distribution sendDelay, Distribution tpot,
        Distribution itl, List<LoadInterval> timeline) {

    /** The most slices a timeline has: {@value}. */
    public static final int MAX_SLICES = 600;

    /** Copies the collections. */
    public LoadSummary {
        errorsByClass = java.util.Collections.unmodifiableMap(new TreeMap<>(errorsByClass));
        timeline = List.copyOf(timeline);
    }

    /** The share of started requests that were good, 0–1; NaN when none started. */
    public double goodFraction() {
        return started == 0 ? Double.NaN : (double) good / started;
    }

    /**
     * Summarises a model's records.
     *
     * @param model       the model spec
     * @param spec        how it was driven
     * @param scheduled   open loop: the schedule's size; closed loop: ignored (records count)
     * @param records     every request, any order
     * @param itl         the inter-token gaps, recorded as the requests ended
     */
    public static LoadSummary of(String model, LoadSpec spec, long scheduled, List<LoadRecord> records,
            Distribution itl) {
        Checks.notNull(records, "records");
        MetricsRecorder rec = new MetricsRecorder();
        Map<String, Long> errors = new TreeMap<>();
        long ok = 0;
        long good = 0;
        long tokens = 0;
        long lastDone = 0;
        long lastSent = 0;
        for (LoadRecord r : records) {
            lastDone = Math.max(lastDone, r.doneNanos());
            lastSent = Math.max(lastSent, r.sentNanos());
            rec.recordNanos("send", Metric.LATENCY, r.sendDelayNanos());
            if (!r.ok()) {
                errors.merge(r.errorClass().get(), 1L, Long::sum);
                continue;
            }
            ok++;
            tokens += r.outputTokens();
            if (spec.slo().met(r)) {
                good++;
            }
            rec.recordNanos("intended", Metric.LATENCY, r.latencyFromIntendedNanos());
            rec.recordNanos("service", Metric.LATENCY, r.latencyNanos());
            if (r.ttftNanos() >= 0) {
                rec.recordNanos("intended", Metric.TTFT, r.ttftFromIntendedNanos());
                rec.recordNanos("service", Metric.TTFT, r.ttftNanos());
            }
            if (r.tpotNanos() >= 0) {
                rec.recordNanos("service", Metric.TPOT, r.tpotNanos());
            }
        }
        long window = spec.duration().toNanos();
        long elapsed = Math.max(window, lastDone);
        double seconds = elapsed / 1e9;
        long sched = spec.openLoop() ? scheduled : records.size();
        Timeline t = timeline(records, spec.slo(), elapsed);
        return new LoadSummary(model, spec, sched, records.size(), ok, records.size() - ok, errors, good,
                elapsed / 1e6, sched / (window / 1e9), records.size() / (Math.max(window, lastSent) / 1e9),
                records.size() / seconds, good / seconds, tokens / seconds,
                t.maxInFlight, rec.summary("intended", Metric.TTFT), rec.summary("intended", Metric.LATENCY),
                rec.summary("service", Metric.TTFT), rec.summary("service", Metric.LATENCY),
                rec.summary("send", Metric.LATENCY), rec.summary("service", Metric.TPOT), Checks.notNull(itl, "itl"),
                t.slices);
    }

    private record Timeline(int maxInFlight, List<LoadInterval> slices) {}

    /** Slice width: 1 s, or a whole number of seconds keeping the slices at most {@link #MAX_SLICES}. */
    static long sliceNanos(long elapsedNanos) {
        long seconds = Math.max(1, (elapsedNanos + MAX_SLICES * 1_000_000_000L - 1) / (MAX_SLICES * 1_000_000_000L));
        return seconds * 1_000_000_000L;
    }

    private static Timeline timeline(List<LoadRecord> records, Slo slo, long elapsed) {
        long width = sliceNanos(elapsed);
        int n = (int) Math.max(1, (elapsed + width - 1) / width);
        int[] arrivals = new int[n];
        int[] sent = new int[n];
        int[] completed = new int[n];
        int[] errors = new int[n];
        int[] good = new int[n];
        int[] maxIn = new int[n];
        int[] endIn = new int[n];
        // in-flight changes: +1 at sent, -1 at done; at equal times the end comes first
        long[] events = new long[records.size() * 2];
        int k = 0;
        for (LoadRecord r : records) {
            arrivals[slice(r.intendedNanos(), width, n)]++;
            sent[slice(r.sentNanos(), width, n)]++;
            int d = slice(r.doneNanos(), width, n);
            completed[d]++;
            if (!r.ok()) {
                errors[d]++;
            } else if (slo.met(r)) {
                good[d]++;
            }
            events[k++] = r.sentNanos() * 2 + 1;
            events[k++] = r.doneNanos() * 2;
        }
        Arrays.sort(events);
        int inFlight = 0;
        int max = 0;
        int slice = 0;
        for (long e : events) {
            long time = e >> 1;
            int s = slice(time, width, n);
            while (slice < s) {
                endIn[slice] = inFlight;
                maxIn[slice + 1] = Math.max(maxIn[slice + 1], inFlight);
                slice++;
            }
            inFlight += (e & 1) == 1 ? 1 : -1;
            maxIn[s] = Math.max(maxIn[s], inFlight);
            max = Math.max(max, inFlight);
        }
        while (slice < n) {
            endIn[slice] = inFlight;
            if (slice + 1 < n) {
                maxIn[slice + 1] = Math.max(maxIn[slice + 1], inFlight);
            }
            slice++;
        }
        List<LoadInterval> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new LoadInterval(i * width / 1_000_000, width / 1_000_000, arrivals[i], sent[i], completed[i],
                    errors[i], good[i], maxIn[i], endIn[i]));
        }
        return new Timeline(max, out);
    }

    private static int slice(long nanos, long width, int n) {
        return (int) Math.min(n - 1, nanos / width);
    }
}
