package dev.llmbench.core.runner;

import dev.llmbench.core.spi.ProviderError;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * When and how long to wait before sending a failed request again. Only error classes that are
 * {@link dev.llmbench.core.spi.ErrorClass#retriable() retriable} are retried, at most
 * {@code maxRetries} times per request. The wait is the server's hint ({@code Retry-After} or
 * {@code X-RateLimit-Reset}, as {@link ProviderError#retryAfterMillis()}) plus up to 10% jitter,
 * or without a hint exponential backoff with full jitter (uniform in [0, {@link #BASE} × 2^retry]);
 * either way never more than {@code maxBackoff}. The jitter is drawn from the trial's seed, so a
 * run with the same seed waits the same. Immutable and thread-safe.
 *
 * @param maxRetries retries per request, 0 for none
 * @param maxBackoff the cap on any single wait; positive
 */
record RetryPolicy(int maxRetries, Duration maxBackoff) {
    /** No retries. */
    static final RetryPolicy NONE = new RetryPolicy(0, Defaults.MAX_BACKOFF);
    /** The first backoff step without a server hint. */
    static final Duration BASE = Duration.ofMillis(500);

    /** The policy of a run's options. */
    static RetryPolicy of(Options options) {
        return new RetryPolicy(options.retries(), options.maxBackoff());
    }

    /** Whether a request that failed with {@code error} after {@code retriesSoFar} retries is sent again. */
    boolean shouldRetry(ProviderError error, int retriesSoFar) {
        return retriesSoFar < maxRetries && error.errorClass().retriable();
    }

    /**
     * The wait before retry number {@code retry} (0-based), in nanoseconds.
     *
     * @param seed the trial's seed; the same seed and retry give the same wait
     */
    long delayNanos(ProviderError error, int retry, long seed) {
        long cap = maxBackoff.toNanos();
        SplittableRandom rng = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (retry + 1));
        if (error.retryAfterMillis() >= 0) {
            long hint = Math.min(cap, Duration.ofMillis(error.retryAfterMillis()).toNanos());
            return Math.min(cap, hint + rng.nextLong(hint / 10 + 1));
        }
        long ceiling = Math.min(cap, BASE.toNanos() << Math.min(retry, 20));
        return rng.nextLong(ceiling + 1);
    }
}
