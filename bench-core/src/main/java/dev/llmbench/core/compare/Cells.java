package dev.llmbench.core.compare;

import dev.llmbench.core.results.Interval;
import java.util.Locale;
import java.util.Optional;

/** Number formatting and escaping shared by the comparison writers. Stateless and thread-safe. */
final class Cells {
    private Cells() {}

    /** A score or share with 2 decimals, or an em dash for NaN. */
    static String score(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "—";
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
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    /** Escapes text for a Markdown table cell: no markup, no HTML, one line, at most 300 characters. */
    static String md(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.replaceAll("[\\r\\n]+", " ").replaceAll("\\p{Cntrl}", "").toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!', '~' -> out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.length() > 300 ? out.substring(0, 300) + "…" : out.toString();
    }
}
