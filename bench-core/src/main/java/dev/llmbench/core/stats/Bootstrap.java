package dev.llmbench.core.stats;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals of a mean, seeded so that the same values always give
 * the same interval. Used instead of the t-interval when the sample is small or the values pile
 * up at a bound (scores of 0 and 1), where the t-interval's normality assumption fails and it can
 * reach outside the possible range. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Bootstrap {
    /** Resamples drawn by default. */
    public static final int RESAMPLES = 10_000;
    /** The seed used by default (any fixed value makes results reproducible). */
    public static final long SEED = 0x5EEDL;

    private Bootstrap() {}

    /**
     * The percentile bootstrap interval of the mean of {@code values}.
     *
     * @param confidence e.g. 0.95, in (0, 1)
     * @param resamples  how many resamples to draw, at least 100
     * @param seed       the random seed
     * @return empty with fewer than 2 values
     */
    public static Optional<Interval> meanCi(List<Double> values, double confidence, int resamples, long seed) {
        Checks.inRange(confidence, 1e-9, 1 - 1e-9, "confidence");
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples (" + resamples + ") must be at least 100");
        }
        int n = values.size();
        if (n < 2) {
            return Optional.empty();
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double alpha = (1 - confidence) / 2;
        return Optional.of(new Interval(quantile(means, alpha), quantile(means, 1 - alpha)));
    }

    /** The interval with {@link #RESAMPLES} resamples and seed {@link #SEED}. */
    public static Optional<Interval> meanCi(List<Double> values, double confidence) {
        return meanCi(values, confidence, RESAMPLES, SEED);
    }

    /** Linear-interpolated quantile of sorted values, {@code p} in [0, 1]. */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
