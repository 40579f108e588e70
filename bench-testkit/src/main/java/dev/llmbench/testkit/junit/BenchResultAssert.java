package dev.llmbench.testkit.junit;

import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.TestResult;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the fluent gate on a {@link BenchResult}: pick a test or a figure, then bound it.
 * <pre class="code">{@code
 * LlmAssertions.assertThat(r).test("structured_output").passRate().isAtLeast(0.9);
 * LlmAssertions.assertThat(r).ttftMs().p95().isAtMost(2000);
 * LlmAssertions.assertThat(r).reliability().isAtLeast(0.99);
 * }</pre>
 * Each bound fails on its own; to see every failing bound at once, wrap them in JUnit's
 * {@code assertAll} or AssertJ's {@code SoftAssertions.assertSoftly}. Immutable.
 *
 * @since 0.1
 */
public final class BenchResultAssert {
    private final BenchResult result;

    BenchResultAssert(BenchResult result) {
        this.result = result;
    }

    /**
     * The test {@code id}.
     *
     * @throws AssertionError naming the tests that ran when {@code id} is not one of them
     */
    public TestResultAssert test(String id) {
        Optional<TestResult> t = result.test(id);
        if (t.isEmpty()) {
            throw new AssertionError(result.modelSpec() + ": test \"" + id + "\" did not run; tests of this run: "
                    + result.model().tests().stream().map(TestResult::id).toList()
                    + " (check @LlmBench suite and tests)");
        }
        return new TestResultAssert(result, t.get());
    }

    /** Passes when every test that ran is passed (pass rate at least 0.5); the message lists the others. */
    public BenchResultAssert passesAllTests() {
        List<TestResult> failed = result.model().tests().stream().filter(t -> !t.passed()).toList();
        if (!failed.isEmpty()) {
            StringBuilder sb = new StringBuilder(result.modelSpec() + ": " + failed.size() + " of "
                    + result.model().tests().size() + " tests not passed:");
            for (TestResult t : failed) {
                sb.append("\n  ").append(t.id()).append(" pass rate ").append(Figure.Unit.RATIO.format(t.passRate()));
                String ev = Evidence.failingChecks(t);
                if (!ev.isEmpty()) {
                    sb.append("; ").append(ev.replace(Evidence.INDENT, Evidence.INDENT + "  "));
                }
            }
            throw new AssertionError(sb.append("\n  report: ").append(result.report()).toString());
        }
        return this;
    }

    /** Quality: the mean of the test scores, in [0, 1], with its 95% interval. */
    public FigureAssert quality() {
        ModelSummary s = summary();
        return figure("quality", s.quality(), Figure.Unit.RATIO, s.qualityCi95(), "");
    }

    /** Reliability: the share of requests without error, with its Wilson 95% interval. */
    public FigureAssert reliability() {
        ModelSummary s = summary();
        return figure("reliability", s.reliability(), Figure.Unit.RATIO, s.reliabilityCi95(),
                Evidence.errors(s).substring(2));
    }

    /** Failed requests (of any class) over the measured run. */
    public FigureAssert errors() {
        ModelSummary s = summary();
        return figure("errors", s.errors(), Figure.Unit.COUNT, Optional.empty(), Evidence.errors(s).substring(2));
    }

    /** Time to first token of successful requests, in milliseconds. */
    public DistributionAssert ttftMs() {
        return new DistributionAssert(result, "TTFT", summary().ttftMs(), Figure.Unit.MILLIS);
    }

    /** Total latency of successful requests, in milliseconds. */
    public DistributionAssert latencyMs() {
        return new DistributionAssert(result, "latency", summary().latencyMs(), Figure.Unit.MILLIS);
    }

    /** Inter-token latency, every gap pooled, in milliseconds. */
    public DistributionAssert itlMs() {
        return new DistributionAssert(result, "ITL", summary().itlMs(), Figure.Unit.MILLIS);
    }

    /** Decode throughput per successful request, in tokens per second. */
    public DistributionAssert decodeTps() {
        return new DistributionAssert(result, "decode tokens/s", summary().decodeTps(), Figure.Unit.TOKENS_PER_SECOND);
    }

    private ModelSummary summary() {
        return result.model().summary();
    }

    private FigureAssert figure(String label, double value, Figure.Unit unit,
            Optional<dev.llmbench.core.results.Interval> ci, String details) {
        return new FigureAssert(new Figure(result.modelSpec(), label, value, unit, ci, details,
                result.report().toString()));
    }
}
