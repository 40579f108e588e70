package dev.llmbench.examples;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.results.Interval;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** Sample 11: walking a RunResult in code — models, summaries, tests, trials and checks. */
public final class BenchSample_11_ConsumingResults {

    /*
     * Runner.run() returns everything the run produced as immutable records. The files in the run
     * directory are only renderings of them. The tree mirrors the plan:
     *
     *   RunResult          run facts (RunInfo) and one ModelResult per model, in the given order
     *    ModelResult       the model spec, its ModelSummary, and one TestResult per test
     *     ModelSummary     quality, reliability and error classes, latency distributions, tokens
     *     TestResult       score with its interval, pass rate, pass@k, and every TrialRecord
     *      TrialRecord     one request: score, checks, response, timing, error
     *       Check          one itemised check: name, passed, weight, expected, actual
     *
     * Nothing here returns null. Figures that may be unknown are Optionals, and empty
     * distributions have count 0.
     *
     * Two simulated models make the walk worth taking. The first streams the calibrated references
     * but fails a quarter of its requests (error_rate=0.25) with a 503 before the stream, a 429
     * with Retry-After, or a stream cut off halfway. A failed request is data, not an exception.
     * It scores 0, and it counts against reliability. The second echoes the prompt, so it fails
     * checks instead.
     */
    static final String DEFAULT_MODEL_A = "sim:oracle?ttft=20ms&tps=400&error_rate=0.25";
    static final String DEFAULT_MODEL_B = "sim:echo?ttft=20ms&tps=1000";

    private BenchSample_11_ConsumingResults() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.builder()
                .model(System.getProperty("llmbench.model", DEFAULT_MODEL_A))
                .model(System.getProperty("llmbench.model.b", DEFAULT_MODEL_B))
                .include("^(basic_reasoning|structured_output)$")
                .trials(2)
                .outputDir(Files.createTempDirectory("llmbench-sample11-"))
                .formats(List.of(ResultFormatType.JSON))
                .build();
        RunResult result = new Runner(options).run();

        System.out.printf("run %s, llmbench %s, %d ms of requests, simulated: %s%n", result.run().id(),
                result.run().version(), result.run().wallTimeMs(), result.run().simulated());

        for (ModelResult model : result.models()) {
            ModelSummary s = model.summary();
            System.out.printf("%nmodel %s (provider %s)%n", model.model(), model.provider());
            System.out.printf("  quality      %.3f %s, %d/%d tests passed%n", s.quality(), ci(s.qualityCi95()),
                    s.testsPassed(), s.testsTotal());
            System.out.printf("  reliability  %.3f %s, %d of %d requests failed %s%n", s.reliability(),
                    ci(s.reliabilityCi95()), s.errors(), s.requests(), s.errorsByClass());
            System.out.printf("  TTFT         %s%n", dist(s.ttftMs(), "ms"));
            System.out.printf("  latency      %s%n", dist(s.latencyMs(), "ms"));
            System.out.printf("  decode       %s%n", dist(s.decodeTps(), "tokens/s"));

            for (TestResult test : model.tests()) {
                System.out.printf("  test %-18s score %.2f %s (%s)  pass rate %.2f  pass@1 %.2f  errors %d%n",
                        test.id(), test.score(), ci(test.scoreCi95()), test.scoreCiMethod(), test.passRate(),
                        test.passAtK().getOrDefault(1, Double.NaN), test.errors());

                for (TrialRecord trial : test.trials()) {
                    String outcome = trial.error()
                            .map(e -> "ERROR " + e.errorClass().id() + e.httpStatus().stream()
                                    .mapToObj(code -> " (HTTP " + code + ")").findFirst().orElse(""))
                            .orElse(String.format("%.1f ms, %d tokens", trial.timing().latencyNanos() / 1e6,
                                    trial.timing().outputTokens()));
                    System.out.printf("    %-9s #%d  score %.2f  %s%n", trial.caseId(), trial.trial(), trial.score(),
                            outcome);
                    /*
                     * The checks explain the score. Here only the first failed check is printed. A
                     * trial whose request failed has no checks at all, since there was nothing to grade.
                     */
                    List<Check> failed = trial.checks().stream().filter(c -> !c.passed()).toList();
                    if (!failed.isEmpty()) {
                        Check c = failed.get(0);
                        System.out.printf("        failed check %s: %s%s%n", c.name(), clip(c.actual()),
                                failed.size() > 1 ? " (+" + (failed.size() - 1) + " more)" : "");
                    }
                }
            }
        }
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 50 ? one : one.substring(0, 47) + "...";
    }

    private static String ci(Optional<Interval> ci) {
        return ci.map(i -> String.format("[%.2f, %.2f]", i.lo(), i.hi())).orElse("[n/a]");
    }

    private static String dist(Distribution d, String unit) {
        return d.isEmpty() ? "no values" : String.format("n=%d mean %.1f p50 %.1f p90 %.1f p99 %.1f max %.1f %s",
                d.count(), d.mean(), d.p50(), d.p90(), d.p99(), d.max(), unit);
    }

    /*
     * This is the shape of a gate in your own code: run, then fail the build when
     * model.tests() has a test below a score, or when summary().ttftMs().p95() is above a
     * budget. bench-testkit's JUnit 5 support (@LlmBench and LlmAssertions in
     * dev.llmbench.testkit.junit) packages exactly that. To read a run that already
     * exists, use ResultReader.read(dir.resolve("result.json")), which returns the same records
     * (sample 07).
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_11_ConsumingResults
     *   java -Dllmbench.model=ollama:gemma4:e4b -Dllmbench.model.b=ollama:qwen3:8b \
     *        -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_11_ConsumingResults
     */
}
