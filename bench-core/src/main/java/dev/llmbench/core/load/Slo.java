package dev.llmbench.core.load;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A service-level objective for goodput: the largest acceptable time to first token, total
 * latency and time per output token. A request is "good" when it succeeded and met every bound
 * that is set; with no bound set every successful request is good. Times are compared as
 * measured from the request's <em>intended</em> send time, so a request that waited in a queue is
 * judged by what its user would have seen. Immutable and thread-safe.
 *
 * @param ttft    the largest acceptable time to first token; empty for no bound
 * @param latency the largest acceptable total latency; empty for no bound
 * @param tpot    the largest acceptable mean time per output token after the first; empty for no bound
 * @since 0.1
 */
public record Slo(Optional<Duration> ttft, Optional<Duration> latency, Optional<Duration> tpot) {
    /** No bounds: every successful request is good. */
    public static final Slo NONE = new Slo(Optional.empty(), Optional.empty(), Optional.empty());

    /** Validates that every bound is positive. */
    public Slo {
        for (Optional<Duration> d : java.util.List.of(ttft, latency, tpot)) {
            if (d.isPresent() && (d.get().isNegative() || d.get().isZero())) {
                throw new IllegalArgumentException("an SLO bound must be positive, got " + d.get());
            }
        }
    }

    /**
     * Parses {@code ttft=500ms,latency=5s,tpot=50ms} (any subset, any order; durations as in
     * {@code --timeout}).
     *
     * @throws BenchConfigurationException naming the accepted keys and forms
     */
    public static Slo parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BenchConfigurationException("--slo is empty; give e.g. ttft=500ms,latency=5s,tpot=50ms");
        }
        Map<String, Duration> bounds = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.strip() : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (eq < 0 || !(key.equals("ttft") || key.equals("latency") || key.equals("tpot"))) {
                throw new BenchConfigurationException("--slo: \"" + part.strip() + "\" is not KEY=DURATION with KEY"
                        + " one of ttft, latency, tpot (e.g. ttft=500ms,latency=5s)");
            }
            if (bounds.containsKey(key)) {
                throw new BenchConfigurationException("--slo: " + key + " is given twice");
            }
            Duration d;
            try {
                d = Durations.parse(part.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new BenchConfigurationException("--slo " + key + ": " + e.getMessage(), e);
            }
            if (d.isZero()) {
                throw new BenchConfigurationException("--slo " + key + " must be positive, got " + part.strip());
            }
            bounds.put(key, d);
        }
        return new Slo(Optional.ofNullable(bounds.get("ttft")), Optional.ofNullable(bounds.get("latency")),
                Optional.ofNullable(bounds.get("tpot")));
    }

    /** Whether no bound is set. */
    public boolean isNone() {
        return ttft.isEmpty() && latency.isEmpty() && tpot.isEmpty();
    }

    /**
     * Whether {@code r} succeeded and met every bound, its TTFT and latency measured from the
     * intended send time. A bound on TTFT is missed by a request that produced no token; a bound
     * on TPOT is ignored for a request with fewer than two output tokens (it has no TPOT).
     */
    public boolean met(LoadRecord r) {
        if (!r.ok()) {
            return false;
        }
        if (ttft.isPresent() && (r.ttftNanos() < 0 || r.ttftFromIntendedNanos() > ttft.get().toNanos())) {
            return false;
        }
        if (latency.isPresent() && r.latencyFromIntendedNanos() > latency.get().toNanos()) {
            return false;
        }
        return tpot.isEmpty() || r.tpotNanos() < 0 || r.tpotNanos() <= tpot.get().toNanos();
    }

    /** The bounds as a JSON-friendly map in milliseconds ({@code ttft_ms}, ...), only those set. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        ttft.ifPresent(d -> m.put("ttft_ms", d.toNanos() / 1e6));
        latency.ifPresent(d -> m.put("latency_ms", d.toNanos() / 1e6));
        tpot.ifPresent(d -> m.put("tpot_ms", d.toNanos() / 1e6));
        return m;
    }

    /** The {@code --slo} form of these bounds, or {@code none}. */
    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        ttft.ifPresent(d -> b.append("ttft=").append(d.toMillis()).append("ms,"));
        latency.ifPresent(d -> b.append("latency=").append(d.toMillis()).append("ms,"));
        tpot.ifPresent(d -> b.append("tpot=").append(d.toMillis()).append("ms,"));
        return b.substring(0, b.length() - 1);
    }
}
