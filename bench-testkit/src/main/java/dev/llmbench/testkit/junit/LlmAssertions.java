package dev.llmbench.testkit.junit;

import dev.llmbench.core.internal.Checks;

/**
 * Assertions that gate a model on an llmbench result, with failure messages that print the
 * failing figures and checks:
 * <pre class="code">{@code
 * LlmAssertions.assertThat(r).test("structured_output").passRate().isAtLeast(0.9);
 * // sim:echo: structured_output pass rate 0.00 (95% CI 0.00–0.30) < required 0.90; failing checks:
 * //   api_review_native (3 of 3 trials failed): bare_json (expected …, got …), schema (…) and 9 more
 * //   …
 * //   report: target/llmbench/…/report.md
 * LlmAssertions.assertThat(r).ttftMs().p95().isAtMost(2000);
 * // ollama:gemma4:e4b: TTFT p95 2,340 ms > allowed 2,000 ms; n = 9; no errors
 * //   report: target/llmbench/…/report.md
 * }</pre>
 * Stateless and thread-safe; the assert objects are not shared between threads.
 *
 * @since 0.1
 */
public final class LlmAssertions {
    private LlmAssertions() {}

    /** Starts a gate on {@code result}. */
    public static BenchResultAssert assertThat(BenchResult result) {
        return new BenchResultAssert(Checks.notNull(result, "result"));
    }
}
