package dev.llmbench.testkit.junit;

import dev.llmbench.core.results.TestResult;
import java.util.Optional;

/**
 * Bounds on one test of a benchmark result:
 * {@code assertThat(r).test("structured_output").passRate().isAtLeast(0.9)}. Failure messages list
 * the failing checks of the failing trials. Immutable.
 *
 * @since 0.1
 */
public final class TestResultAssert {
    private final BenchResult result;
    private final TestResult test;

    TestResultAssert(BenchResult result, TestResult test) {
        this.result = result;
        this.test = test;
    }

    /** The share of trials that reached the test's pass threshold, with its Wilson 95% interval. */
    public FigureAssert passRate() {
        return figure("pass rate", test.passRate(), test.passRateCi95());
    }

    /** The mean trial score in [0, 1] (failed requests score 0), with its 95% interval. */
    public FigureAssert score() {
        return figure("score", test.score(), test.scoreCi95());
    }

    /**
     * pass@k: the chance that at least one of {@code k} attempts passes.
     *
     * @throws IllegalArgumentException when {@code k} is not between 1 and the trials per case
     */
    public FigureAssert passAtK(int k) {
        return figure("pass@" + k, at(test.passAtK(), k), Optional.empty());
    }

    /**
     * pass^k: the chance that all {@code k} attempts pass.
     *
     * @throws IllegalArgumentException when {@code k} is not between 1 and the trials per case
     */
    public FigureAssert passPowK(int k) {
        return figure("pass^" + k, at(test.passPowK(), k), Optional.empty());
    }

    /** Requests of this test that failed (errors, not wrong answers). */
    public FigureAssert errors() {
        return new FigureAssert(new Figure(result.modelSpec(), test.id() + " errors", test.errors(), Figure.Unit.COUNT,
                Optional.empty(), Evidence.failingChecks(test), result.report().toString()));
    }

    /** Passes when the test is passed: pass rate at least 0.5, as in the report. */
    public TestResultAssert passes() {
        passRate().isAtLeast(0.5);
        return this;
    }

    private double at(java.util.Map<Integer, Double> byK, int k) {
        Double v = byK.get(k);
        if (v == null) {
            throw new IllegalArgumentException("k (" + k + ") must be between 1 and " + byK.size()
                    + " (the trials per case of this run)");
        }
        return v;
    }

    private FigureAssert figure(String what, double value, Optional<dev.llmbench.core.results.Interval> ci) {
        return new FigureAssert(new Figure(result.modelSpec(), test.id() + " " + what, value, Figure.Unit.RATIO, ci,
                Evidence.failingChecks(test), result.report().toString()));
    }
}
