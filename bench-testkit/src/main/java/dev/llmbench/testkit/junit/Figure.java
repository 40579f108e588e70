package dev.llmbench.testkit.junit;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.Interval;
import java.util.Locale;
import java.util.Optional;

/**
 * One figure of a benchmark result under assertion, with what a failure message needs: its label,
 * its unit, its confidence interval and the evidence behind it (failing checks, error classes).
 * Immutable and thread-safe.
 *
 * @param subject the model spec the figure belongs to, e.g. {@code sim:echo}; never blank
 * @param label   what the figure is, e.g. {@code structured_output pass rate} or {@code TTFT p95}
 * @param value   the figure; NaN when there is no data (no successful request)
 * @param unit    how it is written
 * @param ci95    its 95% confidence interval, when the result has one
 * @param details the evidence to print after a failure (e.g. {@code failing checks: …}); may be empty
 * @param report  where to read more (the run's {@code report.md}); never null
 * @since 0.1
 */
public record Figure(String subject, String label, double value, Unit unit, Optional<Interval> ci95, String details,
        String report) {
    /** How a figure is written. */
    public enum Unit {
        /** A share or score in [0, 1], two decimals: {@code 0.67}. */
        RATIO,
        /** Milliseconds with thousands separators: {@code 2,340 ms}, {@code 12.5 ms}, {@code 0.42 ms}. */
        MILLIS,
        /** Tokens per second: {@code 1,234.5 tok/s}. */
        TOKENS_PER_SECOND,
        /** A whole count: {@code 3}. */
        COUNT;

        /** {@code v} in this unit. */
        public String format(double v) {
            if (Double.isNaN(v)) {
                return "n/a";
            }
            switch (this) {
                case RATIO:
                    return String.format(Locale.ROOT, "%.2f", v);
                case MILLIS:
                    String pattern = Math.abs(v) >= 100 ? "%,.0f ms" : Math.abs(v) >= 10 ? "%,.1f ms" : "%,.2f ms";
                    return String.format(Locale.ROOT, pattern, v);
                case TOKENS_PER_SECOND:
                    return String.format(Locale.ROOT, "%,.1f tok/s", v);
                default:
                    return String.format(Locale.ROOT, "%,d", Math.round(v));
            }
        }
    }

    /** Validates the components. */
    public Figure {
        Checks.notBlank(subject, "subject");
        Checks.notBlank(label, "label");
        Checks.notNull(unit, "unit");
        Checks.notNull(ci95, "ci95");
        Checks.notNull(details, "details");
        Checks.notNull(report, "report");
    }

    /** The label, value and interval: {@code structured_output pass rate 0.67 (95% CI 0.30–0.90)}. */
    public String describe() {
        if (Double.isNaN(value)) {
            return label + " has no data";
        }
        return label + " " + unit.format(value)
                + ci95.map(ci -> " (95% CI " + unit.format(ci.lo()).replace(" ms", "").replace(" tok/s", "") + "–"
                        + unit.format(ci.hi()) + ")").orElse("");
    }
}
