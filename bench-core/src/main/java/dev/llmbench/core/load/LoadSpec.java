package dev.llmbench.core.load;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.runner.Defaults;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How a load run drives each model. Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>Closed loop</b> ({@link #closed}): {@code concurrency} virtual users, each sending its
 *       next request as soon as its previous one ends, for {@code duration}. The offered load
 *       follows the server: a slow server is sent less. Latency is measured from the actual send.</li>
 *   <li><b>Open loop</b> ({@link #open}): requests arrive as a seeded Poisson process of
 *       {@code rate} per second for {@code duration}, whatever the server does, with at most
 *       {@code concurrency} in flight (a request that finds every slot taken waits for one).
 *       TTFT and latency are measured from the <em>intended</em> send time, so time spent waiting
 *       because the server (or the harness) fell behind counts against the server, as a user
 *       would see it: coordinated omission is corrected. The figures measured from the actual
 *       send are reported too, as "service" times.</li>
 * </ul>
 * Requests still in flight when the window closes are awaited and recorded; none is cut.
 *
 * @param rate        open loop: mean arrivals per second; empty for a closed loop
 * @param concurrency closed loop: the number of virtual users; open loop: the cap on requests in
 *                    flight; 1 to {@link Defaults#MAX_CONCURRENCY}
 * @param duration    the window in which requests are started; positive
 * @param maxRequests stop starting requests after this many per model; 0 for no limit
 * @param slo         the objective for goodput; {@link Slo#NONE} counts every success as good
 * @since 0.1
 */
public record LoadSpec(OptionalDouble rate, int concurrency, Duration duration, long maxRequests, Slo slo) {
    /** The window when none is given: 60 seconds. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

    /** Validates every component. */
    public LoadSpec {
        Checks.notNull(rate, "rate");
        if (rate.isPresent() && (!(rate.getAsDouble() > 0) || Double.isInfinite(rate.getAsDouble()))) {
            throw new IllegalArgumentException("--rate must be a positive number of requests per second, got "
                    + rate.getAsDouble());
        }
        if (concurrency < 1 || concurrency > Defaults.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("--concurrency must be 1 to " + Defaults.MAX_CONCURRENCY + ", got "
                    + concurrency);
        }
        Checks.notNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive, got " + duration);
        }
        if (maxRequests < 0) {
            throw new IllegalArgumentException("--requests must be 0 (no limit) or positive, got " + maxRequests);
        }
        Checks.notNull(slo, "slo");
    }

    /** A closed loop of {@code users} virtual users for {@code duration}. */
    public static LoadSpec closed(int users, Duration duration) {
        return new LoadSpec(OptionalDouble.empty(), users, duration, 0, Slo.NONE);
    }

    /**
     * An open loop of {@code rate} Poisson arrivals per second for {@code duration}, with at most
     * {@code maxInFlight} requests in flight.
     */
    public static LoadSpec open(double rate, int maxInFlight, Duration duration) {
        return new LoadSpec(OptionalDouble.of(rate), maxInFlight, duration, 0, Slo.NONE);
    }

    /** This spec with another SLO. */
    public LoadSpec withSlo(Slo newSlo) {
        return new LoadSpec(rate, concurrency, duration, maxRequests, newSlo);
    }

    /** This spec with a cap on requests per model (0: none). */
    public LoadSpec withMaxRequests(long n) {
        return new LoadSpec(rate, concurrency, duration, n, slo);
    }

    /** Whether arrivals follow a schedule (open loop) rather than completions (closed loop). */
    public boolean openLoop() {
        return rate.isPresent();
    }

    /** {@code open} or {@code closed}. */
    public String mode() {
        return openLoop() ? "open" : "closed";
    }

    /** The spec as a JSON-friendly map (stored in {@code load.json}). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode());
        m.put("rate_per_s", rate.isPresent() ? rate.getAsDouble() : null);
        m.put("concurrency", concurrency);
        m.put("duration_ms", duration.toMillis());
        m.put("max_requests", maxRequests);
        m.put("slo", slo.toMap());
        return m;
    }
}
