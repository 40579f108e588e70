package dev.llmbench.core.runner;

import java.time.Duration;
import java.util.Set;

/**
 * Default values of {@link Options}.
 *
 * @since 0.1
 */
public final class Defaults {
    private Defaults() {}

    /** The suite run when none is named: {@value}. */
    public static final String SUITE = "standard";
    /** Measured trials per case: {@value}. */
    public static final int TRIALS = 3;
    /** Warmup requests per model, excluded from results: {@value}. */
    public static final int WARMUP = 1;
    /** Requests in flight at once: {@value} (clean latency, as one user sees it). */
    public static final int CONCURRENCY = 1;
    /** Largest accepted concurrency: {@value}. */
    public static final int MAX_CONCURRENCY = 4096;
    /** How long one request may take in total: 5 minutes. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    /** The seed that makes simulated runs and per-trial seeds reproducible: {@value}. */
    public static final long SEED = 42L;
    /** Result formats written by default. */
    public static final Set<ResultFormatType> FORMATS = Set.of(ResultFormatType.JSON, ResultFormatType.MARKDOWN);
    /** Retries per failed request of a retriable class: {@value} (off). */
    public static final int RETRIES = 0;
    /** The cap on the wait before a retry: 30 seconds. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The directory under which run directories are created: {@value}. */
    public static final String RESULTS_ROOT = "llmbench-results";
}
