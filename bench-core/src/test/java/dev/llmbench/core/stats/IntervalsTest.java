package dev.llmbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.core.results.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    @Test
    void tIntervalMatchesTheTextbookValue() {
        // mean 3, s = 1.5811, se = 0.7071, t(0.975, 4) = 2.7764
        Interval ci = Intervals.meanT(List.of(1.0, 2.0, 3.0, 4.0, 5.0), 0.95, -100, 100).orElseThrow();
        assertThat(ci.lo()).isCloseTo(1.0368, within(1e-3));
        assertThat(ci.hi()).isCloseTo(4.9632, within(1e-3));
    }

    @Test
    void tIntervalIsClampedAndNeedsTwoValues() {
        Interval ci = Intervals.meanT(List.of(0.0, 1.0, 1.0), 0.95, 0, 1).orElseThrow();
        assertThat(ci.lo()).isZero();
        assertThat(ci.hi()).isEqualTo(1.0);
        assertThat(Intervals.meanT(List.of(0.5), 0.95, 0, 1)).isEmpty();
    }

    @Test
    void wilsonIntervalMatchesTheTextbookValue() {
        Interval ci = Intervals.wilson(8, 10, 0.95).orElseThrow();
        assertThat(ci.lo()).isCloseTo(0.4902, within(1e-3));
        assertThat(ci.hi()).isCloseTo(0.9433, within(1e-3));
        assertThat(Intervals.wilson(0, 0, 0.95)).isEmpty();
        assertThat(Intervals.wilson(10, 10, 0.95).orElseThrow().hi()).isEqualTo(1.0);
    }

    @Test
    void stratifiedIntervalCombinesStandardErrorsOfEachStratum() {
        List<Double> a = List.of(0.0, 1.0, 0.0, 1.0);
        List<Double> b = List.of(1.0, 1.0, 1.0, 1.0);
        Interval ci = Intervals.stratifiedMean(List.of(a, b), 0.95, 0, 1).orElseThrow();
        // mean of means = 0.75; se = sqrt(var(a)/4 + 0)/2 = sqrt(1/3/4)/2 = 0.1443; df = 3, t = 3.1824
        assertThat(ci.lo()).isCloseTo(0.75 - 3.1824 * 0.14434, within(1e-3));
        assertThat(ci.hi()).isEqualTo(1.0);
    }

    @Test
    void stratifiedIntervalWithoutVarianceCollapsesToTheMean() {
        Interval ci = Intervals.stratifiedMean(List.of(List.of(1.0, 1.0), List.of(0.0, 0.0)), 0.95, 0, 1).orElseThrow();
        assertThat(ci.lo()).isEqualTo(0.5);
        assertThat(ci.hi()).isEqualTo(0.5);
        assertThat(Intervals.stratifiedMean(List.of(List.of(1.0)), 0.95, 0, 1)).isEmpty();
    }
}
