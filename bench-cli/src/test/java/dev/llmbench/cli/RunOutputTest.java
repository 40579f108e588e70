package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.results.JsonCodec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a successful, an aborted and a default {@code llmbench run} write and print. */
class RunOutputTest {
    private static final String FAST_ORACLE = "sim:oracle?ttft=0ms&tps=100000&jitter=0";

    @TempDir
    Path tmp;

    @Test
    void theEchoSimulatorFailsTheWholeStandardSuite() throws Exception {
        Path dir = tmp.resolve("echo");
        Outcome o = CliRunner.run("run", "--model", "sim:echo?ttft=0ms&tps=100000&jitter=0", "--trials", "1",
                "--warmup", "0", "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        JsonNode summary = JsonCodec.MAPPER.readTree(dir.resolve("result.json").toFile()).path("models").get(0)
                .path("summary");
        assertThat(summary.path("tests_total").asInt()).isEqualTo(15);
        assertThat(summary.path("tests_passed").asInt()).as("echoing the prompt passes no test").isZero();
        assertThat(summary.path("quality").asDouble()).as("echo quality").isLessThan(0.2);
    }

    @Test
    void writesACompleteResultAndPrintsTheTableAndFilePaths() throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = CliRunner.run("run", "--model", FAST_ORACLE, "--trials", "2", "--warmup", "1", "--out", dir.toString());

        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("quality ±95%").contains("basic_reasoning").contains("instruction_following")
                .contains(dir.resolve("result.json").toString()).contains(dir.resolve("report.md").toString());
        assertThat(o.err()).contains("warmup 1/1: ").contains("(cold start)").contains("[");
        assertThat(dir.resolve("report.md")).isRegularFile();

        JsonNode root = JsonCodec.MAPPER.readTree(dir.resolve("result.json").toFile());
        assertThat(root.path("schema").asText()).isEqualTo("llmbench.result/v1");
        JsonNode run = root.path("run");
        for (String f : new String[] {"id", "started_at", "finished_at", "llmbench_version", "options", "environment"}) {
            assertThat(run.has(f)).as("run.%s", f).isTrue();
        }
        JsonNode model = root.path("models").get(0);
        assertThat(model.path("model").asText()).isEqualTo(FAST_ORACLE);
        assertThat(model.path("provider").asText()).isEqualTo("sim");
        JsonNode summary = model.path("summary");
        for (String f : new String[] {"quality", "quality_ci95", "tests_passed", "tests_total", "requests", "errors",
            "reliability", "output_tokens", "cost_usd"}) {
            assertThat(summary.has(f)).as("summary.%s", f).isTrue();
        }
        for (String d : new String[] {"ttft_ms", "latency_ms", "itl_ms", "decode_tps"}) {
            for (String p : new String[] {"mean", "p50", "p90", "p95", "p99", "max"}) {
                assertThat(summary.path(d).has(p)).as("summary.%s.%s", d, p).isTrue();
            }
        }
        assertThat(summary.path("quality").asDouble()).as("sim:oracle replays calibrated references").isEqualTo(1.0);
        assertThat(summary.path("tests_total").asInt()).isEqualTo(15);
        assertThat(summary.path("tests_passed").asInt()).as("sim:oracle passes every standard test").isEqualTo(15);
        assertThat(summary.path("errors").asInt()).isZero();

        for (JsonNode test : model.path("tests")) {
            for (String f : new String[] {"id", "category", "score", "score_ci95", "pass_rate", "passed", "trials"}) {
                assertThat(test.has(f)).as("tests[].%s", f).isTrue();
            }
            assertThat(test.path("passed").asBoolean()).as(test.path("id").asText()).isTrue();
            assertThat(test.path("trials").size()).isPositive().isEven();
            for (JsonNode trial : test.path("trials")) {
                for (String f : new String[] {"case", "trial", "score", "passed", "checks", "response", "ttft_ms",
                    "latency_ms", "output_tokens", "usage_source", "error"}) {
                    assertThat(trial.has(f)).as("trials[].%s", f).isTrue();
                }
                assertThat(trial.path("passed").asBoolean()).isTrue();
                assertThat(trial.path("error").isNull()).isTrue();
                for (JsonNode check : trial.path("checks")) {
                    for (String f : new String[] {"name", "passed", "weight", "expected", "actual"}) {
                        assertThat(check.has(f)).as("checks[].%s", f).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void exitsOneWhenFailOnErrorStopsTheRunAndStillReportsThePartialResult() {
        Path dir = tmp.resolve("run");
        Outcome o = CliRunner.run("run", "--model", FAST_ORACLE + "&error_rate=1", "--trials", "1", "--warmup", "0",
                "--fail-on-error", "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(o.err()).contains("failOnError");
        assertThat(o.out()).contains(dir.resolve("result.json").toString());
        assertThat(dir.resolve("result.json")).isRegularFile();
    }

    @Test
    void recordsFailedRequestsAsDataWithoutFailOnError() throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = CliRunner.run("run", "--model", FAST_ORACLE + "&error_rate=1", "--trials", "1", "--warmup", "0",
                "--tests", "basic_reasoning", "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        JsonNode summary = JsonCodec.MAPPER.readTree(dir.resolve("result.json").toFile()).path("models").get(0)
                .path("summary");
        assertThat(summary.path("errors").asInt()).isEqualTo(summary.path("requests").asInt()).isPositive();
    }

    @Test
    void fallsBackToTheSimulatorWithABannerWhenNoModelServerAnswers() throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = CliRunner.run("run", "--trials", "1", "--warmup", "0", "--tests", "basic_reasoning",
                "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.err()).contains("no model server answered at http://127.0.0.1:")
                .contains("NO MODEL WAS MEASURED").contains("--model ollama:").contains("openrouter:");
        JsonNode root = JsonCodec.MAPPER.readTree(dir.resolve("result.json").toFile());
        assertThat(root.path("models").get(0).path("model").asText()).isEqualTo(DefaultModel.FALLBACK);
        assertThat(root.path("run").path("simulated").asBoolean()).isTrue();
    }

    @Test
    void writesOnlyTheRequestedFormats() {
        Path dir = tmp.resolve("run");
        Outcome o = CliRunner.run("run", "--model", FAST_ORACLE, "--trials", "1", "--warmup", "0",
                "--tests", "basic", "--format", "json,txt", "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(dir.resolve("summary.txt")).isRegularFile();
        assertThat(dir.resolve("report.md")).doesNotExist();
    }

    @Test
    void rejectsAnUnknownFormat() {
        Outcome o = CliRunner.run("run", "--model", FAST_ORACLE, "--format", "json,pdf", "--out", tmp.resolve("r").toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("pdf");
    }
}
