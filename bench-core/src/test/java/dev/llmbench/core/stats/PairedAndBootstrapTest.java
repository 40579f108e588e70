package dev.llmbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.core.results.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedAndBootstrapTest {
    @Test
    void bootstrapIsReproducibleAndAgreesWithTheTIntervalOnNormalData() {
        SplittableRandom r = new SplittableRandom(1);
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            v.add(r.nextGaussian() + 10);
        }
        Interval b1 = Bootstrap.meanCi(v, 0.95).orElseThrow();
        Interval b2 = Bootstrap.meanCi(v, 0.95).orElseThrow();
        Interval t = Intervals.meanT(v, 0.95, -1e9, 1e9).orElseThrow();
        assertThat(b1).isEqualTo(b2);
        // two independent methods agree to within a few percent of the width on 400 normal values
        assertThat(b1.lo()).isCloseTo(t.lo(), within(0.05 * (t.hi() - t.lo())));
        assertThat(b1.hi()).isCloseTo(t.hi(), within(0.05 * (t.hi() - t.lo())));
    }

    @Test
    void bootstrapStaysInsideTheRangeOfTheValues() {
        List<Double> scores = List.of(1.0, 1.0, 1.0, 0.0, 1.0);
        Interval b = Bootstrap.meanCi(scores, 0.95).orElseThrow();
        assertThat(b.lo()).isGreaterThanOrEqualTo(0.0);
        assertThat(b.hi()).isLessThanOrEqualTo(1.0);
        assertThat(Bootstrap.meanCi(List.of(1.0, 1.0, 1.0), 0.95).orElseThrow()).isEqualTo(new Interval(1.0, 1.0));
        assertThat(Bootstrap.meanCi(List.of(0.5), 0.95)).isEmpty();
    }

    @Test
    void aConstantDifferenceIsAClearVerdict() {
        PairedComparison p = PairedComparison.of(List.of(0.9, 0.8, 0.7), List.of(0.4, 0.3, 0.2));
        assertThat(p.verdict()).isEqualTo(Verdict.A);
        assertThat(p.meanDiff()).isCloseTo(0.5, within(1e-12));
        assertThat(p.ci95().orElseThrow().lo()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aDifferenceInsideTheNoiseIsATie() {
        SplittableRandom r = new SplittableRandom(7);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            a.add(r.nextDouble() < 0.78 ? 1.0 : 0.0);
            b.add(r.nextDouble() < 0.80 ? 1.0 : 0.0);
        }
        PairedComparison p = PairedComparison.of(a, b);
        assertThat(p.verdict()).isEqualTo(Verdict.TIE);
        assertThat(p.ci95().orElseThrow().lo()).isNegative();
        assertThat(p.ci95().orElseThrow().hi()).isPositive();
    }

    @Test
    void aLargeDifferenceWithNoiseIsNamed() {
        SplittableRandom r = new SplittableRandom(3);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            a.add(r.nextDouble() < 0.9 ? 1.0 : 0.0);
            b.add(r.nextDouble() < 0.3 ? 1.0 : 0.0);
        }
        assertThat(PairedComparison.of(a, b).verdict()).isEqualTo(Verdict.A);
        assertThat(PairedComparison.of(b, a).verdict()).isEqualTo(Verdict.B);
        assertThat(Verdict.B.label("x", "y")).isEqualTo("y");
        assertThat(Verdict.TIE.label("x", "y")).isEqualTo("tie (n.s.)");
    }

    @Test
    void onePairOrNoneCannotNameAWinner() {
        assertThat(PairedComparison.of(List.of(1.0), List.of(0.0)).verdict()).isEqualTo(Verdict.TIE);
        assertThat(PairedComparison.of(List.of(), List.of()).pairs()).isZero();
    }

    @Test
    void smfOverallReproducesThePublishedSeedResults() {
        assertThat(SmfScore.overall(0.645, 7947, 1.0)).isCloseTo(0.8225, within(1e-12)); // gemma-4-26b
        assertThat(SmfScore.overall(0.625, 3436, 1.0)).isCloseTo(0.8125, within(1e-12)); // claude-opus-4.8-fast
        assertThat(SmfScore.overall(0.59, 35_020, 1.0)).isCloseTo(0.72, within(1e-12)); // deepseek-v4 sample
        assertThat(SmfScore.overall(0.48, 52_429, 1.0)).isCloseTo(0.665, within(1e-12)); // kimi sample, 0.66 rounded
        assertThat(SmfScore.overall(0.5, 61_000, 0.5)).isCloseTo(0.475, within(1e-12));
    }
}
