package dev.llmbench.core.load;

import dev.llmbench.core.internal.Checks;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The intended send times of an open-loop load run: a Poisson process of {@code rate} arrivals per
 * second over a window, drawn from a seed so that the same seed gives the same schedule on every
 * machine. Gaps are exponential with mean {@code 1/rate}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ArrivalSchedule {
    /** The most arrivals one schedule holds (a guard against a mistyped rate): {@value}. */
    public static final int MAX_ARRIVALS = 10_000_000;

    private final long[] offsets;
    private final double rate;
    private final long windowNanos;

    private ArrivalSchedule(long[] offsets, double rate, long windowNanos) {
        this.offsets = offsets;
        this.rate = rate;
        this.windowNanos = windowNanos;
    }

    /**
     * A seeded Poisson schedule.
     *
     * @param ratePerSecond mean arrivals per second, positive and finite
     * @param window        the window; arrivals fall in {@code [0, window)}
     * @param seed          the seed
     * @throws IllegalArgumentException for a bad rate or window, or more than {@link #MAX_ARRIVALS}
     *         expected arrivals
     */
    public static ArrivalSchedule poisson(double ratePerSecond, Duration window, long seed) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of requests per second, got "
                    + ratePerSecond);
        }
        long w = Checks.notNull(window, "window").toNanos();
        if (w <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        double expected = ratePerSecond * w / 1e9;
        if (expected > MAX_ARRIVALS) {
            throw new IllegalArgumentException("rate " + ratePerSecond + "/s over " + window + " would send about "
                    + Math.round(expected) + " requests; the limit is " + MAX_ARRIVALS);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] out = new long[(int) Math.min(MAX_ARRIVALS, expected + 10 * Math.sqrt(expected) + 16)];
        int n = 0;
        double t = 0;
        double meanGapNanos = 1e9 / ratePerSecond;
        while (true) {
            t += -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
            if (t >= w || n == MAX_ARRIVALS) {
                break;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, Math.min(MAX_ARRIVALS, out.length * 2));
            }
            out[n++] = (long) t;
        }
        return new ArrivalSchedule(Arrays.copyOf(out, n), ratePerSecond, w);
    }

    /** The number of arrivals in the window. */
    public int size() {
        return offsets.length;
    }

    /** The intended send time of arrival {@code i}, in nanoseconds from the window's start. */
    public long offsetNanos(int i) {
        return offsets[i];
    }

    /** The mean rate asked for, in requests per second. */
    public double rate() {
        return rate;
    }

    /** The window's length in nanoseconds. */
    public long windowNanos() {
        return windowNanos;
    }

    /** The rate this schedule actually offers: arrivals divided by the window, per second. */
    public double offeredRate() {
        return offsets.length / (windowNanos / 1e9);
    }
}
