package dev.llmbench.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.results.RunResult;
import dev.llmbench.testkit.junit.BenchResult;
import dev.llmbench.testkit.junit.LlmAssertions;
import dev.llmbench.testkit.junit.LlmBench;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A model gate as a project would write it: the benchmark runs once for the class, every test
 * bounds a figure. Against {@code sim:oracle} (which streams calibrated answers) it passes; point it
 * at a real model with {@code -Dllmbench.model=ollama:gemma4:e4b}. The simulator runs with no
 * delays here so the build stays fast.
 */
@LlmBench(model = "sim:oracle?ttft=0ms&tps=100000&jitter=0", tests = "structured_output", trials = 3, warmup = 0)
class ModelGateTest {
    @Test
    void structuredOutputIsReliable(BenchResult r) {
        LlmAssertions.assertThat(r).test("structured_output").passRate().isAtLeast(0.9);
        LlmAssertions.assertThat(r).test("structured_output").passPowK(3).isAtLeast(0.9);
    }

    @Test
    void answersStartQuickly(BenchResult r) {
        LlmAssertions.assertThat(r).ttftMs().p95().isAtMost(2000);
        LlmAssertions.assertThat(r).reliability().isAtLeast(0.99);
        LlmAssertions.assertThat(r).errors().isAtMost(0);
    }

    @Test
    void passesEveryTestItRan(BenchResult r) {
        LlmAssertions.assertThat(r).passesAllTests();
    }

    @Test
    void writesItsRunUnderTarget(BenchResult r) {
        assertThat(r.runDir().toString()).contains("target", "llmbench", ModelGateTest.class.getName());
        assertThat(r.runDir().resolve("result.json")).isRegularFile();
        assertThat(r.report()).isRegularFile();
        assertThat(r.model().tests()).singleElement().satisfies(t -> assertThat(t.trials()).hasSize(3 * 3));
    }

    @Nested
    class Nested_classes_share_the_run {
        @Test
        void getTheSameResult(RunResult run, BenchResult r) {
            assertThat(run).isSameAs(r.run());
            assertThat(r.modelSpec()).startsWith("sim:oracle");
        }
    }
}
