package dev.llmbench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.stats.Intervals;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.MetricsRecorder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

class LlmbenchProfilerTest {
    /** Fast, jittery, and failing half of the time, so every figure has something to show. */
    private static final String MODEL = "sim:oracle?ttft=2ms&tps=4000&jitter=0.5&error_rate=0.5&seed=3";

    @BeforeEach
    void retainTrials() {
        LlmbenchCollector.clearHistory();
        LlmbenchCollector.retainHistory(true);
    }

    @AfterEach
    void forgetTrials() {
        LlmbenchCollector.retainHistory(false);
        LlmbenchCollector.clearHistory();
    }

    @Test
    void profilerFiguresEqualLlmbenchFiguresOfTheSameTrialsPerIterationAndForTheRun() throws RunnerException {
        RunResult run = runJmh("basic_reasoning", 2, 6);

        List<List<TrialRecord>> measured = LlmbenchCollector.history().stream().filter(i -> !i.warmup())
                .map(LlmbenchCollector.Iteration::trials).toList();
        assertThat(measured).hasSize(2).allSatisfy(trials -> assertThat(trials).hasSize(6));
        List<IterationResult> iterations = new ArrayList<>();
        for (BenchmarkResult b : run.getBenchmarkResults()) {
            iterations.addAll(b.getIterationResults());
        }
        assertThat(iterations).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(scores(iterations.get(i).getSecondaryResults())).as("iteration %d", i + 1)
                    .isEqualTo(llmbenchFigures(measured.get(i)));
        }
        List<TrialRecord> all = measured.stream().flatMap(List::stream).toList();
        Map<String, Double> expected = llmbenchFigures(all);
        assertThat(scores(run.getSecondaryResults())).isEqualTo(expected);
        assertThat(expected.get("llmbench.errors")).isPositive();
        assertThat(expected.get("llmbench.trials")).isEqualTo(12.0);
        assertThat(expected).containsKeys("llmbench.ttft.p50", "llmbench.ttft.p99", "llmbench.itl.p50",
                "llmbench.decode_tps.p50");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void runLevelPercentilesAreOverAllTrialsNotAnAverageOfIterations() throws RunnerException {
        RunResult run = runJmh("basic_reasoning", 3, 1);

        List<TrialRecord> all = LlmbenchCollector.history().stream().filter(i -> !i.warmup())
                .flatMap(i -> i.trials().stream()).toList();
        assertThat(all).hasSize(3);
        Result ttftP99 = run.getSecondaryResults().get("llmbench.ttft.p99");
        if (ttftP99 != null) { // present when at least one of the three requests succeeded
            assertThat(ttftP99.getScore()).isEqualTo(llmbenchFigures(all).get("llmbench.ttft.p99"));
            assertThat(ttftP99.getScoreUnit()).isEqualTo("ms");
        }
        assertThat(run.getSecondaryResults().get("llmbench.trials").getScore()).isEqualTo(3.0);
    }

    @Test
    void toolUseTrialsRunTheAgentLoopAndPassWithTheOracle() throws RunnerException {
        LlmbenchCollector.retainHistory(true);
        new Runner(options("tool_use", "sim:oracle?ttft=1ms&tps=5000&jitter=0", 1, 3).build()).run();

        List<TrialRecord> trials = LlmbenchCollector.history().stream().filter(i -> !i.warmup())
                .flatMap(i -> i.trials().stream()).toList();
        assertThat(trials).hasSize(3).allSatisfy(t -> {
            assertThat(t.ok()).isTrue();
            assertThat(t.passed()).as(t.caseId()).isTrue();
        });
        assertThat(trials).extracting(TrialRecord::caseId).doesNotHaveDuplicates();
        assertThat(trials).anySatisfy(t -> assertThat(t.conversation()).as("tool calls and results")
                .hasSizeGreaterThan(2));
    }

    @Test
    void trialsRecordedOutsideAProfiledIterationAreDropped() {
        assertThat(LlmbenchCollector.collecting()).isFalse();
        try (TrialDriver driver = TrialDriverTest.driver(TrialSettings.of("sim:oracle?ttft=0ms&jitter=0", "basic_reasoning"))) {
            assertThat(LlmbenchCollector.record(driver.next())).isFalse();
        }
        assertThat(LlmbenchCollector.history()).isEmpty();
    }

    @Test
    void anIterationWithoutTrialsAddsNoResults() {
        assertThat(LlmbenchProfiler.results(List.of())).isEmpty();
    }

    private static RunResult runJmh(String test, int iterations, int batch) throws RunnerException {
        Collection<RunResult> results = new Runner(options(test, MODEL, iterations, batch).build()).run();
        assertThat(results).hasSize(1);
        return results.iterator().next();
    }

    private static OptionsBuilder options(String test, String model, int iterations, int batch) {
        OptionsBuilder b = new OptionsBuilder();
        b.include(Pattern.quote(SimTrialBenchmark.class.getName()) + ".request$")
                .param("model", model)
                .param("test", test)
                .forks(0)
                .warmupIterations(1)
                .warmupBatchSize(1)
                .measurementIterations(iterations)
                .measurementBatchSize(batch)
                .addProfiler(LlmbenchProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        return b;
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Double> scores(Map<String, Result> secondary) {
        Map<String, Double> out = new LinkedHashMap<>();
        secondary.forEach((label, r) -> out.put(label, r.getScore()));
        return out;
    }

    /**
     * What llmbench reports for these trials, computed here the way core's result aggregation
     * computes a test's score and a model summary's distributions, independently of bench-jmh.
     */
    private static Map<String, Double> llmbenchFigures(List<TrialRecord> trials) {
        MetricsRecorder recorder = new MetricsRecorder();
        List<Double> scores = new ArrayList<>();
        long passed = 0;
        long errors = 0;
        long tokens = 0;
        for (TrialRecord t : trials) {
            scores.add(t.score());
            passed += t.passed() ? 1 : 0;
            tokens += t.timing().outputTokens();
            if (t.error().isPresent()) {
                errors++;
            } else {
                recorder.record("m", t.timing());
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("llmbench.score", Intervals.mean(scores));
        out.put("llmbench.pass_rate", (double) passed / trials.size());
        Distribution ttft = recorder.summary("m", Metric.TTFT);
        putIfNumber(out, "llmbench.ttft.p50", ttft.p50());
        putIfNumber(out, "llmbench.ttft.p99", ttft.p99());
        putIfNumber(out, "llmbench.itl.p50", recorder.summary("m", Metric.ITL).p50());
        putIfNumber(out, "llmbench.decode_tps.p50", recorder.summary("m", Metric.DECODE_TPS).p50());
        out.put("llmbench.output_tokens", (double) tokens);
        out.put("llmbench.errors", (double) errors);
        out.put("llmbench.trials", (double) trials.size());
        return new java.util.TreeMap<>(out);
    }

    private static void putIfNumber(Map<String, Double> m, String key, double v) {
        if (!Double.isNaN(v)) {
            m.put(key, v);
        }
    }
}
