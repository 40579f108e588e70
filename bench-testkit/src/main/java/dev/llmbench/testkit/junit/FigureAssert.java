package dev.llmbench.testkit.junit;

import org.assertj.core.api.AbstractAssert;

/**
 * Bounds on one {@link Figure}. A failure message names the model, the figure with its interval,
 * the bound, the evidence and the report, e.g.
 * <pre>sim:echo: structured_output pass rate 0.00 (95% CI 0.00–0.30) &lt; required 0.90; failing checks:
 *   api_review_native (3 of 3 trials failed): bare_json (expected …, got …), schema (…) and 9 more
 *   …
 *   report: target/llmbench/…/report.md</pre>
 * A figure without data (NaN: no successful request) fails every bound. Bounds compare the point
 * estimate, not the interval. Not thread-safe (AssertJ assertions never are).
 *
 * @since 0.1
 */
public final class FigureAssert extends AbstractAssert<FigureAssert, Figure> {
    FigureAssert(Figure figure) {
        super(figure, FigureAssert.class);
    }

    /** The figure's value (NaN when there is no data), for checks of your own. */
    public double value() {
        return actual.value();
    }

    /** Passes when the figure is at least {@code min}. */
    public FigureAssert isAtLeast(double min) {
        return check(actual.value() >= min, "< required", "at least", min);
    }

    /** Passes when the figure is at most {@code max}. */
    public FigureAssert isAtMost(double max) {
        return check(actual.value() <= max, "> allowed", "at most", max);
    }

    /** Passes when the figure is above {@code bound}. */
    public FigureAssert isGreaterThan(double bound) {
        return check(actual.value() > bound, "<= required more than", "more than", bound);
    }

    /** Passes when the figure is below {@code bound}. */
    public FigureAssert isLessThan(double bound) {
        return check(actual.value() < bound, ">= required less than", "less than", bound);
    }

    /** Passes when the figure lies in [{@code min}, {@code max}]. */
    public FigureAssert isBetween(double min, double max) {
        return isAtLeast(min).isAtMost(max);
    }

    private FigureAssert check(boolean ok, String relation, String need, double bound) {
        if (!ok) {
            String head = Double.isNaN(actual.value())
                    ? actual.describe() + " (required " + need + " " + actual.unit().format(bound) + ")"
                    : actual.describe() + " " + relation + " " + actual.unit().format(bound);
            failWithMessage("%s", actual.subject() + ": " + head
                    + (actual.details().isEmpty() ? "" : "; " + actual.details()) + Evidence.INDENT + "report: "
                    + actual.report());
        }
        return this;
    }
}
