package dev.llmbench.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.llmbench.testkit.junit.BenchResult;
import dev.llmbench.testkit.junit.LlmAssertions;
import dev.llmbench.testkit.junit.LlmBench;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The expected failure: a gate that {@code sim:echo} (which repeats the prompt) cannot meet, run
 * through the JUnit Platform Launcher, must fail with a message that names the figures and the
 * failing checks.
 *
 * <p>The gate under test, {@link EchoGate}, is kept out of the normal build by
 * {@link EnabledIf @EnabledIf}: it runs only when the configuration parameter {@value #LAUNCHED}
 * is set, which only this test does (Surefire would skip a nested class anyway; an IDE that runs
 * the package shows it as disabled).
 */
class GateFailureTest {
    static final String LAUNCHED = "llmbench.examples.gate-failure";

    /** The gate this test expects to fail. */
    @LlmBench(model = "sim:echo?ttft=20ms&tps=100000&jitter=0", tests = "structured_output", trials = 3, warmup = 0)
    @EnabledIf("dev.llmbench.examples.gate.GateFailureTest#launchedByGateFailureTest")
    static class EchoGate {
        @Test
        void structuredOutputIsReliable(BenchResult r) {
            LlmAssertions.assertThat(r).test("structured_output").passRate().isAtLeast(0.9);
        }

        @Test
        void answersStartQuickly(BenchResult r) {
            LlmAssertions.assertThat(r).ttftMs().p95().isAtMost(1);
        }

        @Test
        void reliability(BenchResult r) {
            LlmAssertions.assertThat(r).reliability().isAtLeast(0.99);
        }
    }

    static boolean launchedByGateFailureTest(ExtensionContext context) {
        return context.getConfigurationParameter(LAUNCHED).isPresent();
    }

    static Map<String, TestExecutionResult> results;

    @BeforeAll
    static void runTheGate() {
        Map<String, TestExecutionResult> byMethod = new java.util.TreeMap<>();
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(EchoGate.class))
                // explicit parameters win over -Dllmbench.* system properties, so CI overrides cannot move this gate
                .configurationParameter(LAUNCHED, "true")
                .configurationParameter("llmbench.model", "sim:echo?ttft=20ms&tps=100000&jitter=0")
                .build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    byMethod.put(id.getDisplayName().replace("(BenchResult)", ""), result);
                }
            }
        });
        results = byMethod;
    }

    @Test
    void theGateIsNotRunByDiscoveryAlone() {
        List<String> started = new ArrayList<>();
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(EchoGate.class)).build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    started.add(id.getDisplayName());
                }
            }
        });
        assertThat(started).isEmpty();
    }

    @Test
    void aPassRateGateFailsWithTheFigureItsIntervalAndTheFailingChecks() {
        assertThat(message("structuredOutputIsReliable").lines()).satisfiesExactly(
                head -> assertThat(head).startsWith("sim:echo?ttft=20ms&tps=100000&jitter=0: structured_output pass"
                        + " rate 0.00 (95% CI 0.00–0.").endsWith(") < required 0.90; failing checks:"),
                first -> assertThat(first).startsWith("  api_review_native (3 of 3 trials failed): bare_json (expected")
                        .contains("schema (expected valid against the schema, got"),
                second -> assertThat(second).startsWith("  api_review_prompt (3 of 3 trials failed): "),
                third -> assertThat(third).startsWith("  incident_extract (3 of 3 trials failed): "),
                report -> assertThat(report).startsWith("  report: ").endsWith("report.md"));
    }

    @Test
    void aLatencyGateFailsWithThePercentileAndTheBound() {
        assertThat(message("answersStartQuickly"))
                .matches("sim:echo\\S*: TTFT p95 [\\d,.]+ ms > allowed 1.00 ms; n = 9; no errors\n  report: .*");
    }

    @Test
    void aGateTheModelMeetsStillPasses() {
        assertThat(results.get("reliability").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    private static String message(String method) {
        TestExecutionResult r = results.get(method);
        assertThat(r).as("result of %s among %s", method, results.keySet()).isNotNull();
        assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(r.getThrowable()).get().isInstanceOf(AssertionError.class);
        return r.getThrowable().orElseThrow().getMessage();
    }
}
