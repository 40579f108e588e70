package dev.llmbench.core.results.format;

import dev.llmbench.core.results.Interval;
import java.util.Locale;
import java.util.Optional;

/**
 * Number formatting shared by the text, Markdown and comparison writers: one look for every figure.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Fmt {
    private Fmt() {}

    /** A score or share with 2 decimals, or an em dash for NaN. */
    public static String score(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "—";
    }

    /** A score with its CI half-width: {@code 0.83 ± 0.07}. */
    public static String scoreCi(double v, Optional<Interval> ci) {
        if (ci.isEmpty()) {
            return score(v);
        }
        return score(v) + " ± " + String.format(Locale.ROOT, "%.2f", Math.max(v - ci.get().lo(), ci.get().hi() - v));
    }

    /** A duration in milliseconds: 1 decimal under 100 ms, none above; em dash for NaN. */
    public static String ms(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        return v < 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    /** A percentage with 1 decimal. */
    public static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "—";
    }

    /** A rate with 1 decimal. */
    public static String rate(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "—";
    }
}
