package dev.llmbench.core.results.format;

import dev.llmbench.core.results.Interval;
import java.util.Locale;
import java.util.Optional;

/** Number formatting shared by the text and Markdown writers. Stateless and thread-safe. */
final class Fmt {
    private Fmt() {}

    /** A score or share with 2 decimals, or an em dash for NaN. */
    static String score(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "—";
    }

    /** A score with its CI half-width: {@code 0.83 ± 0.07}. */
    static String scoreCi(double v, Optional<Interval> ci) {
        if (ci.isEmpty()) {
            return score(v);
        }
        return score(v) + " ± " + String.format(Locale.ROOT, "%.2f", Math.max(v - ci.get().lo(), ci.get().hi() - v));
    }

    /** A duration in milliseconds: 1 decimal under 100 ms, none above; em dash for NaN. */
    static String ms(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        return v < 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    /** A percentage with 1 decimal. */
    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "—";
    }

    /** A rate with 1 decimal. */
    static String rate(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "—";
    }
}
