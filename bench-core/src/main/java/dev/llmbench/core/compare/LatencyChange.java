package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.Interval;
import dev.llmbench.core.stats.Bootstrap;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How the mean total latency of one test (or of all common items) changed from a baseline to a
 * candidate, and whether that is a regression. Immutable and thread-safe.
 *
 * <p>Items are paired as in {@link HeadToHead} (test, case, trial index); only pairs where both
 * requests succeeded count, since a failed request's time says nothing about speed (failures
 * already cost score). The figure is the ratio of mean latencies, candidate / baseline, and its
 * 95% interval is a seeded paired percentile bootstrap ({@link Bootstrap#RESAMPLES} resamples of
 * the pairs, seed {@link Bootstrap#SEED}); a resample whose baseline mean is 0 has no ratio and
 * is skipped.
 *
 * <p>A <b>latency regression</b> needs all of: at least {@value #MIN_PAIRS} pairs; the interval's
 * lower bound above 1 (significantly slower); the ratio at least {@value #MIN_RATIO} (10% slower
 * or more); and the means at least {@value #MIN_DELTA_MS} ms apart. The last two keep scheduler
 * noise on fast requests, and differences nobody would act on, from failing a build.
 *
 * @param test           the test id, or {@link Regression#OVERALL}
 * @param pairs          pairs where both requests succeeded
 * @param baselineMeanMs the baseline's mean latency over those pairs, milliseconds
 * @param candidateMeanMs the candidate's, milliseconds
 * @param ratio          candidate / baseline mean; NaN without pairs or with a baseline mean of 0
 * @param ratioCi95      the bootstrap 95% interval of the ratio; empty with fewer than 2 pairs
 * @param regression     whether this is a latency regression by the rule above
 * @since 0.1
 */
public record LatencyChange(
        String test,
        int pairs,
        double baselineMeanMs,
        double candidateMeanMs,
        double ratio,
        Optional<Interval> ratioCi95,
        boolean regression) {
    /** The fewest pairs that can show a latency regression. */
    public static final int MIN_PAIRS = 3;
    /** The smallest ratio of means that counts as a regression (10% slower). */
    public static final double MIN_RATIO = 1.10;
    /** The smallest difference of means that counts as a regression, milliseconds. */
    public static final double MIN_DELTA_MS = 5.0;

    /** Validates the components. */
    public LatencyChange {
        Checks.notBlank(test, "test");
        Checks.nonNegative(pairs, "pairs");
        Checks.notNull(ratioCi95, "ratioCi95");
    }

    /**
     * The change over paired latencies: {@code baselineMs.get(i)} and {@code candidateMs.get(i)}
     * are the same item, in milliseconds.
     *
     * @throws IllegalArgumentException when the lists differ in size
     */
    public static LatencyChange of(String test, List<Double> baselineMs, List<Double> candidateMs) {
        if (baselineMs.size() != candidateMs.size()) {
            throw new IllegalArgumentException("paired lists differ in size: " + baselineMs.size() + " vs "
                    + candidateMs.size());
        }
        int n = baselineMs.size();
        double[] base = baselineMs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] cand = candidateMs.stream().mapToDouble(Double::doubleValue).toArray();
        double baseMean = n == 0 ? Double.NaN : Arrays.stream(base).average().orElse(Double.NaN);
        double candMean = n == 0 ? Double.NaN : Arrays.stream(cand).average().orElse(Double.NaN);
        double ratio = n == 0 || baseMean == 0 ? Double.NaN : candMean / baseMean;
        Optional<Interval> ci = n < 2 ? Optional.empty() : ratioCi(base, cand);
        boolean regression = n >= MIN_PAIRS && ci.isPresent() && ci.get().lo() > 1.0 && ratio >= MIN_RATIO
                && candMean - baseMean >= MIN_DELTA_MS;
        return new LatencyChange(test, n, baseMean, candMean, ratio, ci, regression);
    }

    private static Optional<Interval> ratioCi(double[] base, double[] cand) {
        int n = base.length;
        SplittableRandom random = new SplittableRandom(Bootstrap.SEED);
        double[] ratios = new double[Bootstrap.RESAMPLES];
        int kept = 0;
        for (int r = 0; r < Bootstrap.RESAMPLES; r++) {
            double sb = 0;
            double sc = 0;
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                sb += base[k];
                sc += cand[k];
            }
            if (sb > 0) {
                ratios[kept++] = sc / sb;
            }
        }
        if (kept < 100) {
            return Optional.empty();
        }
        double[] sorted = Arrays.copyOf(ratios, kept);
        Arrays.sort(sorted);
        return Optional.of(new Interval(quantile(sorted, 0.025), quantile(sorted, 0.975)));
    }

    private static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
