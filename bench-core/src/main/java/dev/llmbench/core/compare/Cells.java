package dev.llmbench.core.compare;

import dev.llmbench.core.results.Interval;
import dev.llmbench.core.results.format.Fmt;
import dev.llmbench.core.results.format.MarkdownReport;
import dev.llmbench.core.results.format.TextTable;
import java.util.Locale;
import java.util.Optional;

/**
 * Formatting for the comparison writers: the report writers' own {@link Fmt} and escaping, plus the
 * signed differences, intervals and ratios only comparisons print. Stateless and thread-safe.
 */
final class Cells {
    private Cells() {}

    /** A score or share with 2 decimals, or an em dash for NaN. */
    static String score(double v) {
        return Fmt.score(v);
    }

    /** A signed difference with 2 decimals: {@code +0.25}, {@code −0.10}. */
    static String diff(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%+.2f", v);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** A signed interval {@code [−0.20, +0.05]}, or empty text. */
    static String diffCi(Optional<Interval> ci) {
        return ci.map(i -> "[" + diff(i.lo()) + ", " + diff(i.hi()) + "]").orElse("");
    }

    /** An interval of scores {@code [0.70, 0.90]}. */
    static String ci(Interval i) {
        return "[" + score(i.lo()) + ", " + score(i.hi()) + "]";
    }

    /** An interval of shares {@code [80.0%, 97.1%]}. */
    static String pctCi(Interval i) {
        return "[" + pct(i.lo()) + ", " + pct(i.hi()) + "]";
    }

    /** A duration in milliseconds: 1 decimal under 100 ms, none above; em dash for NaN. */
    static String ms(double v) {
        return Fmt.ms(v);
    }

    /** A percentage with 1 decimal. */
    static String pct(double v) {
        return Fmt.pct(v);
    }

    /** A rate with 1 decimal. */
    static String rate(double v) {
        return Fmt.rate(v);
    }

    /** A ratio {@code ×1.23}. */
    static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "×%.2f", v) : "—";
    }

    /** A dollar amount with 4 decimals. */
    static String usd(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—";
    }

    /** Text for a terminal: control characters (ANSI escapes' ESC included) become {@code ?}. */
    static String plain(String s) {
        return TextTable.clean(s);
    }

    /** Escapes text for a Markdown table cell: no markup, no HTML, one line, at most 300 characters. */
    static String md(String s) {
        return MarkdownReport.cell(s);
    }
}
