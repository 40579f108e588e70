package dev.llmbench.core.timing;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.Distribution;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleRecorder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records request timings into HdrHistogram distributions, one per key (a model spec) and
 * {@link Metric}: durations in nanoseconds with 3 significant digits and auto-resize, rates in a
 * double histogram with 3 significant digits. Reported in milliseconds and tokens per second.
 *
 * <p>Thread-safe: recording is wait-free (HdrHistogram {@code Recorder}); summaries drain the
 * recorders into accumulated histograms under a lock per distribution, so recording may go on
 * while a summary is read.
 *
 * @since 0.1
 */
public final class MetricsRecorder {
    private static final int DIGITS = 3;

    private final Map<String, Map<Metric, Slot>> slots = new ConcurrentHashMap<>();

    /** An empty recorder. */
    public MetricsRecorder() {}

    /**
     * Records every metric of one request under {@code key}. Absent metrics (no TTFT, fewer than
     * two tokens) are skipped.
     */
    public void record(String key, RequestTiming timing) {
        Checks.notNull(key, "key");
        Checks.notNull(timing, "timing");
        Map<Metric, Slot> m = slots.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        recordNanos(m, Metric.LATENCY, timing.latencyNanos());
        timing.ttfb().ifPresent(v -> recordNanos(m, Metric.TTFB, v));
        timing.ttft().ifPresent(v -> recordNanos(m, Metric.TTFT, v));
        timing.ttfr().ifPresent(v -> recordNanos(m, Metric.TTFR, v));
        TokenGaps gaps = timing.itlNanos();
        if (!gaps.isEmpty()) {
            Slot itl = slot(m, Metric.ITL);
            for (int i = 0, n = gaps.size(); i < n; i++) {
                itl.recordLong(Checks.nonNegative(gaps.get(i), "nanos"));
            }
        }
        timing.tpotNanos().ifPresent(v -> recordNanos(m, Metric.TPOT, Math.round(v)));
        timing.decodeTps().ifPresent(v -> slot(m, Metric.DECODE_TPS).recordDouble(v));
        timing.e2eTps().ifPresent(v -> slot(m, Metric.E2E_TPS).recordDouble(v));
    }

    /** Records one duration in nanoseconds (non-negative) for a duration metric. */
    public void recordNanos(String key, Metric metric, long nanos) {
        Checks.notNull(key, "key");
        recordNanos(slots.computeIfAbsent(key, k -> new ConcurrentHashMap<>()), metric, nanos);
    }

    /** The summary of one distribution; {@link Distribution#EMPTY} when nothing was recorded. */
    public Distribution summary(String key, Metric metric) {
        Slot s = find(key, metric);
        return s == null ? Distribution.EMPTY : s.summary(metric);
    }

    /**
     * One percentile of a distribution in its reporting unit, or NaN when nothing was recorded.
     *
     * @param percentile on the 0–100 scale
     */
    public double percentile(String key, Metric metric, double percentile) {
        Checks.percentile(percentile, "percentile");
        Slot s = find(key, metric);
        return s == null ? Double.NaN : s.percentile(metric, percentile);
    }

    /**
     * The distribution as a base64 string of HdrHistogram's compressed encoding (values in
     * nanoseconds, or tokens per second for rates), for lossless merging later; empty string when
     * nothing was recorded.
     */
    public String encoded(String key, Metric metric) {
        Slot s = find(key, metric);
        return s == null ? "" : s.encode();
    }

    private Slot find(String key, Metric metric) {
        Map<Metric, Slot> m = slots.get(Checks.notNull(key, "key"));
        return m == null ? null : m.get(Checks.notNull(metric, "metric"));
    }

    private static void recordNanos(Map<Metric, Slot> m, Metric metric, long nanos) {
        if (!metric.duration()) {
            throw new IllegalArgumentException(metric.id() + " is a rate, not a duration");
        }
        slot(m, metric).recordLong(Checks.nonNegative(nanos, "nanos"));
    }

    private static Slot slot(Map<Metric, Slot> m, Metric metric) {
        return m.computeIfAbsent(metric, Slot::new);
    }

    /** One distribution: a recorder for writers and an accumulated histogram for readers. */
    private static final class Slot {
        private final Recorder longRecorder;
        private final DoubleRecorder doubleRecorder;
        private final Histogram longTotal;
        private final DoubleHistogram doubleTotal;
        private Histogram longInterval;
        private DoubleHistogram doubleInterval;

        Slot(Metric metric) {
            if (metric.duration()) {
                longRecorder = new Recorder(DIGITS);
                longTotal = new Histogram(DIGITS);
                doubleRecorder = null;
                doubleTotal = null;
            } else {
                doubleRecorder = new DoubleRecorder(DIGITS);
                doubleTotal = new DoubleHistogram(DIGITS);
                longRecorder = null;
                longTotal = null;
            }
        }

        void recordLong(long v) {
            longRecorder.recordValue(v);
        }

        void recordDouble(double v) {
            if (v > 0 && Double.isFinite(v)) {
                doubleRecorder.recordValue(v);
            }
        }

        synchronized void drain() {
            if (longRecorder != null) {
                longInterval = longRecorder.getIntervalHistogram(longInterval);
                longTotal.add(longInterval);
            } else {
                doubleInterval = doubleRecorder.getIntervalHistogram(doubleInterval);
                doubleTotal.add(doubleInterval);
            }
        }

        synchronized Distribution summary(Metric metric) {
            drain();
            if (longTotal != null) {
                if (longTotal.getTotalCount() == 0) {
                    return Distribution.EMPTY;
                }
                double ms = 1e6;
                return new Distribution(longTotal.getTotalCount(), longTotal.getMean() / ms,
                        longTotal.getValueAtPercentile(50) / ms, longTotal.getValueAtPercentile(90) / ms,
                        longTotal.getValueAtPercentile(95) / ms, longTotal.getValueAtPercentile(99) / ms,
                        longTotal.getMaxValue() / ms);
            }
            if (doubleTotal.getTotalCount() == 0) {
                return Distribution.EMPTY;
            }
            return new Distribution(doubleTotal.getTotalCount(), doubleTotal.getMean(),
                    doubleTotal.getValueAtPercentile(50), doubleTotal.getValueAtPercentile(90),
                    doubleTotal.getValueAtPercentile(95), doubleTotal.getValueAtPercentile(99),
                    doubleTotal.getMaxValue());
        }

        synchronized double percentile(Metric metric, double p) {
            drain();
            if (longTotal != null) {
                return longTotal.getTotalCount() == 0 ? Double.NaN : longTotal.getValueAtPercentile(p) / 1e6;
            }
            return doubleTotal.getTotalCount() == 0 ? Double.NaN : doubleTotal.getValueAtPercentile(p);
        }

        synchronized String encode() {
            drain();
            ByteBuffer buf;
            int n;
            if (longTotal != null) {
                if (longTotal.getTotalCount() == 0) {
                    return "";
                }
                buf = ByteBuffer.allocate(longTotal.getNeededByteBufferCapacity());
                n = longTotal.encodeIntoCompressedByteBuffer(buf);
            } else {
                if (doubleTotal.getTotalCount() == 0) {
                    return "";
                }
                buf = ByteBuffer.allocate(doubleTotal.getNeededByteBufferCapacity());
                n = doubleTotal.encodeIntoCompressedByteBuffer(buf);
            }
            byte[] out = new byte[n];
            buf.flip();
            buf.get(out);
            return Base64.getEncoder().encodeToString(out);
        }
    }
}
