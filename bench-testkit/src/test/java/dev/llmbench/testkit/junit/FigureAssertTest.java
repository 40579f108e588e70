package dev.llmbench.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.results.Interval;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FigureAssertTest {
    static FigureAssert figure(double value, Figure.Unit unit, Optional<Interval> ci, String details) {
        return new FigureAssert(new Figure("sim:echo", "structured_output pass rate", value, unit, ci, details,
                "target/llmbench/x/report.md"));
    }

    @Test
    void aRatioBelowItsMinimumNamesTheIntervalTheBoundAndTheEvidence() {
        FigureAssert a = figure(2.0 / 3, Figure.Unit.RATIO, Optional.of(new Interval(0.3, 0.9)), "failing checks:\n  c");

        assertThatThrownBy(() -> a.isAtLeast(0.9)).isInstanceOf(AssertionError.class).hasMessage(
                "sim:echo: structured_output pass rate 0.67 (95% CI 0.30–0.90) < required 0.90; failing checks:\n  c\n"
                        + "  report: target/llmbench/x/report.md");
    }

    @Test
    void millisecondsAreWrittenWithThousandsSeparators() {
        FigureAssert a = new FigureAssert(new Figure("m:x", "TTFT p95", 2340, Figure.Unit.MILLIS, Optional.empty(),
                "n = 9; no errors", "r.md"));

        assertThatThrownBy(() -> a.isAtMost(2000))
                .hasMessage("m:x: TTFT p95 2,340 ms > allowed 2,000 ms; n = 9; no errors\n  report: r.md");
    }

    @Test
    void aFigureWithoutDataFailsEveryBound() {
        FigureAssert a = figure(Double.NaN, Figure.Unit.MILLIS, Optional.empty(), "");

        assertThatThrownBy(() -> a.isAtMost(1e9)).hasMessageStartingWith(
                "sim:echo: structured_output pass rate has no data (required at most 1,000,000,000 ms)");
        assertThatThrownBy(() -> a.isAtLeast(0)).isInstanceOf(AssertionError.class);
    }

    @Test
    void boundsThatHoldReturnTheAssertForChaining() {
        FigureAssert a = figure(0.5, Figure.Unit.RATIO, Optional.empty(), "");

        assertThat(a.isAtLeast(0.5).isAtMost(0.5).isBetween(0, 1).isGreaterThan(0.4).isLessThan(0.6).value())
                .isEqualTo(0.5);
    }

    @Test
    void unitsFormatTheirValues() {
        assertThat(Figure.Unit.MILLIS.format(12.345)).isEqualTo("12.3 ms");
        assertThat(Figure.Unit.MILLIS.format(0.421)).isEqualTo("0.42 ms");
        assertThat(Figure.Unit.TOKENS_PER_SECOND.format(1234.56)).isEqualTo("1,234.6 tok/s");
        assertThat(Figure.Unit.COUNT.format(3)).isEqualTo("3");
    }
}
