package dev.llmbench.core.stats;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.Interval;
import java.util.List;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Confidence intervals used in summaries. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link #meanT}: Student-t interval of a mean, {@code mean ± t(1−α/2, n−1)·s/√n}, clamped
 *       to the values' natural bounds;</li>
 *   <li>{@link #stratifiedMean}: the interval of a mean of stratum means (the quality over tests),
 *       with standard error {@code √(Σ se_i²)/k} and Welch–Satterthwaite degrees of freedom;</li>
 *   <li>{@link #wilson}: the Wilson score interval of a proportion.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class Intervals {
    private Intervals() {}

    /** The mean of {@code values}; NaN when empty. */
    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The sample variance (n − 1 denominator); NaN with fewer than 2 values. */
    public static double variance(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return ss / (n - 1);
    }

    /**
     * The t-interval of the mean of {@code values}, clamped to {@code [lo, hi]}.
     *
     * @param confidence e.g. 0.95, in (0, 1)
     * @return empty with fewer than 2 values
     */
    public static Optional<Interval> meanT(List<Double> values, double confidence, double lo, double hi) {
        Checks.inRange(confidence, 1e-9, 1 - 1e-9, "confidence");
        int n = values.size();
        if (n < 2) {
            return Optional.empty();
        }
        double m = mean(values);
        double se = Math.sqrt(variance(values) / n);
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return Optional.of(new Interval(clamp(m - t * se, lo, hi), clamp(m + t * se, lo, hi)));
    }

    /**
     * The interval of the unweighted mean of several strata's means, each stratum given as its
     * values. Strata with fewer than 2 values contribute no variance but still count in the mean.
     *
     * @return empty when no stratum has 2 or more values
     */
    public static Optional<Interval> stratifiedMean(List<List<Double>> strata, double confidence, double lo, double hi) {
        Checks.inRange(confidence, 1e-9, 1 - 1e-9, "confidence");
        int k = strata.size();
        if (k == 0) {
            return Optional.empty();
        }
        double sumMeans = 0;
        double sumVar = 0;
        double dfDenominator = 0;
        boolean any = false;
        for (List<Double> s : strata) {
            sumMeans += mean(s);
            if (s.size() >= 2) {
                double v = variance(s) / s.size();
                sumVar += v;
                dfDenominator += v * v / (s.size() - 1);
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        double m = sumMeans / k;
        double se = Math.sqrt(sumVar) / k;
        double q = 1 - (1 - confidence) / 2;
        double crit;
        if (sumVar == 0 || dfDenominator == 0) {
            crit = 0;
        } else {
            double df = sumVar * sumVar / dfDenominator;
            crit = TDistribution.of(Math.max(1, df)).inverseCumulativeProbability(q);
        }
        return Optional.of(new Interval(clamp(m - crit * se, lo, hi), clamp(m + crit * se, lo, hi)));
    }

    /** A confidence interval and the method that produced it ({@code t} or {@code bootstrap}). */
    public record ScoreCi(Optional<Interval> interval, String method) {}

    /**
     * The 95% interval of a mean score in [0, 1]: a seeded percentile bootstrap when there are
     * fewer than 10 values or more than 80% of them are exactly 0 or 1 (where the t-interval's
     * normal approximation is poor), else a Student-t interval; clamped to [0, 1].
     */
    public static ScoreCi scoreCi(List<Double> scores) {
        long atBounds = scores.stream().filter(v -> v == 0.0 || v == 1.0).count();
        if (scores.size() < 10 || atBounds > 0.8 * scores.size()) {
            return new ScoreCi(Bootstrap.meanCi(scores, 0.95).map(i -> new Interval(clamp(i.lo(), 0, 1),
                    clamp(i.hi(), 0, 1))), "bootstrap");
        }
        return new ScoreCi(meanT(scores, 0.95, 0, 1), "t");
    }

    /**
     * The Wilson score interval of {@code successes} out of {@code n}.
     *
     * @return empty when {@code n == 0}
     */
    public static Optional<Interval> wilson(long successes, long n, double confidence) {
        Checks.inRange(confidence, 1e-9, 1 - 1e-9, "confidence");
        if (n == 0) {
            return Optional.empty();
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes (" + successes + ") must be within 0.." + n);
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return Optional.of(new Interval(clamp(centre - half, 0, 1), clamp(centre + half, 0, 1)));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
