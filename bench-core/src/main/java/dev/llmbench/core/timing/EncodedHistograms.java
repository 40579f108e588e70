package dev.llmbench.core.timing;

import dev.llmbench.core.internal.Checks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleHistogramIterationValue;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Reads the encoded histograms of result files ({@code ModelSummary.histograms()}: base64 of
 * HdrHistogram's compressed encoding, as {@link MetricsRecorder#encoded} writes them) and turns
 * them into plain values for reports: percentile curves, frequency buckets, and HdrHistogram
 * {@code .hlog} interval logs. HdrHistogram types stay inside this package.
 *
 * <p>Units: a duration metric's histogram holds nanoseconds and every value returned here is in
 * milliseconds; a rate metric's holds tokens per second and values are returned as they are.
 * Percentiles are on the 0–100 scale. An empty encoding ({@code ""}) is an empty distribution.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class EncodedHistograms {
    private static final double NANOS_PER_MS = 1e6;

    private EncodedHistograms() {}

    /**
     * How many values the histogram holds.
     *
     * @throws IllegalArgumentException when {@code encoded} is not a histogram of this metric's kind
     */
    public static long totalCount(String encoded, Metric metric) {
        Decoded d = decode(encoded, metric);
        return d.count();
    }

    /**
     * The value at one percentile in the reporting unit, or NaN for an empty histogram.
     *
     * @param percentile on the 0–100 scale
     * @throws IllegalArgumentException when {@code encoded} is not a histogram of this metric's kind
     */
    public static double valueAtPercentile(String encoded, Metric metric, double percentile) {
        Checks.percentile(percentile, "percentile");
        Decoded d = decode(encoded, metric);
        if (d.count() == 0) {
            return Double.NaN;
        }
        return d.longs() != null ? d.longs().getValueAtPercentile(percentile) / NANOS_PER_MS
                : d.doubles().getValueAtPercentile(percentile);
    }

    /**
     * The percentile distribution as HdrHistogram's {@code outputPercentileDistribution} lists it:
     * points whose percentile steps halve the remaining distance to 100 every
     * {@code ticksPerHalfDistance} points, ending at the 100th percentile (the maximum). Empty for
     * an empty histogram.
     *
     * @param ticksPerHalfDistance points per halving of the distance to 100; positive (HdrHistogram
     *                             uses 5)
     * @throws IllegalArgumentException when {@code encoded} is not a histogram of this metric's kind
     */
    public static List<PercentilePoint> percentiles(String encoded, Metric metric, int ticksPerHalfDistance) {
        Checks.positive(ticksPerHalfDistance, "ticksPerHalfDistance");
        Decoded d = decode(encoded, metric);
        List<PercentilePoint> out = new ArrayList<>();
        if (d.count() == 0) {
            return out;
        }
        if (d.longs() != null) {
            Histogram h = d.longs();
            for (HistogramIterationValue v : h.percentiles(ticksPerHalfDistance)) {
                out.add(new PercentilePoint(Math.min(100, v.getPercentileLevelIteratedTo()),
                        h.highestEquivalentValue(v.getValueIteratedTo()) / NANOS_PER_MS, v.getTotalCountToThisValue()));
            }
        } else {
            DoubleHistogram h = d.doubles();
            for (DoubleHistogramIterationValue v : h.percentiles(ticksPerHalfDistance)) {
                out.add(new PercentilePoint(Math.min(100, v.getPercentileLevelIteratedTo()),
                        h.highestEquivalentValue(v.getValueIteratedTo()), v.getTotalCountToThisValue()));
            }
        }
        return out;
    }

    /**
     * A frequency distribution in {@code buckets} logarithmically spaced buckets from the smallest
     * non-zero value to the largest (zeros are counted in the first bucket). One bucket when every
     * value is the same; empty for an empty histogram. The counts add up to {@link #totalCount}.
     *
     * @param buckets how many buckets; positive
     * @throws IllegalArgumentException when {@code encoded} is not a histogram of this metric's kind
     */
    public static List<HistogramBucket> logBuckets(String encoded, Metric metric, int buckets) {
        Checks.positive(buckets, "buckets");
        List<double[]> values = recorded(decode(encoded, metric));
        double lo = values.stream().mapToDouble(v -> v[0]).filter(v -> v > 0).min().orElse(0);
        double hi = values.stream().mapToDouble(v -> v[0]).max().orElse(0);
        return bucketed(values, lo, hi, buckets);
    }

    /**
     * A frequency distribution in {@code buckets} logarithmically spaced buckets over a given range
     * {@code [from, to]}, so that several distributions can share one set of buckets; values below
     * {@code from} (zeros included) are counted in the first bucket and values above {@code to} in
     * the last. The counts add up to {@link #totalCount}; empty for an empty histogram.
     *
     * @param from the lower edge, positive, in the reporting unit
     * @param to   the upper edge, above {@code from}, in the reporting unit
     * @throws IllegalArgumentException when the range is invalid or {@code encoded} is not a
     *                                  histogram of this metric's kind
     */
    public static List<HistogramBucket> logBuckets(String encoded, Metric metric, double from, double to, int buckets) {
        Checks.positive(buckets, "buckets");
        if (!(from > 0) || !(to > from) || Double.isInfinite(to)) {
            throw new IllegalArgumentException("bucket range [" + from + ", " + to + "] must be positive and increasing");
        }
        return bucketed(recorded(decode(encoded, metric)), from, to, buckets);
    }

    /** {value in reporting unit, count} for every distinct recorded value. */
    private static List<double[]> recorded(Decoded d) {
        List<double[]> values = new ArrayList<>();
        if (d.longs() != null) {
            Histogram h = d.longs();
            for (HistogramIterationValue v : h.recordedValues()) {
                values.add(new double[] {h.medianEquivalentValue(v.getValueIteratedTo()) / NANOS_PER_MS,
                    v.getCountAtValueIteratedTo()});
            }
        } else if (d.doubles() != null) {
            DoubleHistogram h = d.doubles();
            for (DoubleHistogramIterationValue v : h.recordedValues()) {
                values.add(new double[] {h.medianEquivalentValue(v.getValueIteratedTo()), v.getCountAtValueIteratedTo()});
            }
        }
        return values;
    }

    private static List<HistogramBucket> bucketed(List<double[]> values, double lo, double hi, int buckets) {
        List<HistogramBucket> out = new ArrayList<>();
        long total = values.stream().mapToLong(v -> (long) v[1]).sum();
        if (total == 0) {
            return out;
        }
        if (!(hi > lo) || lo <= 0) {
            out.add(new HistogramBucket(lo, Math.max(lo, hi), total));
            return out;
        }
        double ratio = Math.pow(hi / lo, 1.0 / buckets);
        long[] counts = new long[buckets];
        for (double[] v : values) {
            int i = v[0] <= lo ? 0 : (int) Math.floor(Math.log(v[0] / lo) / Math.log(ratio));
            counts[Math.max(0, Math.min(buckets - 1, i))] += (long) v[1];
        }
        for (int i = 0; i < buckets; i++) {
            double from = lo * Math.pow(ratio, i);
            double to = i == buckets - 1 ? hi : lo * Math.pow(ratio, i + 1);
            out.add(new HistogramBucket(from, Math.max(to, from), counts[i]));
        }
        return out;
    }

    /**
     * An HdrHistogram interval log ({@code .hlog}, log format 1.3) holding the histogram as one
     * untagged interval from {@code start} to {@code end}: readable by {@code HistogramLogReader}
     * and by {@code HistogramLogProcessor} without options (durations are in nanoseconds, which is
     * its default unit ratio; pass {@code -outputValueUnitRatio 1} for a rate metric).
     *
     * @param comments lines written as {@code #} comments after the header; control characters
     *                 are replaced so a comment stays one line
     * @throws IllegalArgumentException when {@code encoded} is empty or not a histogram of this
     *                                  metric's kind, or {@code end} is before {@code start}
     */
    public static String intervalLog(String encoded, Metric metric, Instant start, Instant end, List<String> comments) {
        Checks.notNull(start, "start");
        Checks.notNull(end, "end");
        Checks.notNull(comments, "comments");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end (" + end + ") is before start (" + start + ")");
        }
        Decoded d = decode(encoded, metric);
        if (d.count() == 0) {
            throw new IllegalArgumentException("an empty histogram has no interval log");
        }
        EncodableHistogram h = d.longs() != null ? d.longs() : d.doubles();
        h.setStartTimeStamp(start.toEpochMilli());
        h.setEndTimeStamp(end.toEpochMilli());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, false, StandardCharsets.US_ASCII)) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            w.outputLogFormatVersion();
            for (String c : comments) {
                w.outputComment(ascii(c));
            }
            w.outputStartTime(start.toEpochMilli());
            w.setBaseTime(start.toEpochMilli());
            w.outputBaseTime(start.toEpochMilli());
            w.outputLegend();
            w.outputIntervalHistogram(h);
            ps.flush();
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** Printable ASCII only: an .hlog is read line by line, and its comments should survive any charset. */
    private static String ascii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static Decoded decode(String encoded, Metric metric) {
        Checks.notNull(encoded, "encoded");
        Checks.notNull(metric, "metric");
        if (encoded.isEmpty()) {
            return new Decoded(null, null, 0);
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
            if (metric.duration()) {
                Histogram h = Histogram.decodeFromCompressedByteBuffer(buf, 0);
                return new Decoded(h, null, h.getTotalCount());
            }
            DoubleHistogram h = DoubleHistogram.decodeFromCompressedByteBuffer(buf, 0);
            return new Decoded(null, h, h.getTotalCount());
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded " + metric.id() + " histogram: " + e.getMessage(), e);
        }
    }

    /** Exactly one of the two histograms is set, unless the distribution is empty. */
    private record Decoded(Histogram longs, DoubleHistogram doubles, long count) {}
}
