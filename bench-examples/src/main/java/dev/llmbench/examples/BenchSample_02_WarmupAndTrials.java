package dev.llmbench.examples;

import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.Progress;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.RunListener;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.ProviderError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Sample 02: warmup requests, which are thrown away, and trials, which are measured. */
public final class BenchSample_02_WarmupAndTrials {

    /*
     * The first request to a model is rarely typical. Ollama may have to load the weights (and
     * reports this as load_duration). An HTTP client has to open a connection and agree on TLS. A
     * hosted API may have a cold cache for your prompt. JMH handles the same problem on the JVM
     * with warmup iterations, and llmbench does the same with warmup requests. They are sent
     * before the measurement, and they are recorded in the journal only, never in the results.
     * The latency of the first one is kept apart as the "cold start", because a user who comes
     * first really does wait that long.
     *
     * Trials are the measurement: every case of every test is asked again `trials` times. A model
     * samples its answer, so one answer proves little. With repeated trials, llmbench can give a
     * score with a confidence interval, a pass rate, pass@k (at least one of k tries passes) and
     * pass^k (all k tries pass).
     */
    static final String DEFAULT_MODEL = "sim:oracle?ttft=20ms&tps=400";

    private BenchSample_02_WarmupAndTrials() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createTempDirectory("llmbench-sample02-");
        Options options = Options.builder()
                .model(System.getProperty("llmbench.model", DEFAULT_MODEL))
                .suite("standard")
                .include("^basic_reasoning$") // one test, three cases
                .warmup(2)                    // two warmup requests per model, not measured
                .trials(3)                    // every case three times: 3 cases x 3 = 9 measured requests
                .outputDir(out)
                .formats(List.of(ResultFormatType.JSON))
                .build();

        /*
         * A RunListener reports progress. The runner calls it from its own threads, one call at a
         * time, so the listener can print without locking. It must return quickly.
         */
        RunListener progress = new RunListener() {
            @Override
            public void warmupFinished(String model, int index, OptionalDouble latencyMs,
                    Optional<ProviderError> error) {
                System.out.printf("warmup  #%d  %s%n", index,
                        error.map(e -> "failed: " + e.errorClass().id())
                                .orElse(String.format("%.1f ms (not measured)", latencyMs.orElse(Double.NaN))));
            }

            @Override
            public void trialFinished(TrialRecord t, Progress p) {
                System.out.printf("trial   %-8s #%d  score %.2f  %s  [%d/%d]%n", t.caseId(), t.trial(), t.score(),
                        t.passed() ? "pass" : "FAIL", p.done(), p.total());
            }
        };

        RunResult result = Runner.builder(options).listener(progress).build().run();

        ModelSummary s = result.models().get(0).summary();
        TestResult test = result.models().get(0).tests().get(0);
        System.out.println();
        System.out.printf("measured requests    %d (warmup requests are not in the results)%n", s.requests());
        System.out.printf("cold start           %s%n", s.coldStartMs().isPresent()
                ? String.format("%.1f ms (latency of the first warmup request)", s.coldStartMs().getAsDouble())
                : "n/a (no warmup)");
        System.out.printf("latency p50 / p95    %.1f / %.1f ms over %d requests%n", s.latencyMs().p50(),
                s.latencyMs().p95(), s.latencyMs().count());

        /*
         * The test's score is the mean of its 9 trial scores. Its 95% interval comes from a
         * seeded bootstrap when there are fewer than 10 scores or most of them are exactly 0 or
         * 1, and from Student's t otherwise.
         * Trial-to-trial noise is why one trial is not enough, and why the trials count shows up
         * directly in the width of the interval.
         */
        System.out.printf("%s score       %.2f, 95%% CI %s (%s)%n", test.id(), test.score(),
                test.scoreCi95().map(ci -> String.format("[%.2f, %.2f]", ci.lo(), ci.hi())).orElse("n/a"),
                test.scoreCiMethod());
        System.out.printf("pass rate            %.0f%%%n", 100 * test.passRate());
        test.passAtK().forEach((k, v) -> System.out.printf("pass@%d = %.2f   pass^%d = %.2f%n", k, v, k,
                test.passPowK().get(k)));
        System.out.println("results in " + out);
    }

    /*
     * The simulator has no cold start, so its warmup latency looks like any other request.
     * Against Ollama with a model that is not loaded yet, the first warmup often takes seconds.
     *
     * Choosing numbers: one warmup is enough to load a model. For trials, more are better. Three
     * is the CLI default. With 10 or more, per-test intervals become usefully narrow.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_02_WarmupAndTrials
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_02_WarmupAndTrials
     *
     * The same run from the command line:
     *   ./llmbench run --model sim:oracle --tests '^basic_reasoning$' --warmup 2 --trials 3
     */
}
