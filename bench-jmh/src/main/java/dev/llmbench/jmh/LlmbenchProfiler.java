package dev.llmbench.jmh;

import dev.llmbench.core.results.TrialRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * A JMH profiler that adds llmbench's figures to every iteration as secondary results: score,
 * pass rate, TTFT p50 and p99, ITL p50, decode tokens per second p50, output tokens, errors and the
 * number of trials (see {@link LlmbenchFigure} for labels, units and definitions). The figures are
 * computed from the trials that {@link LlmTrialState} (or any code calling
 * {@link LlmbenchCollector#record}) finished during the iteration, with llmbench's own
 * {@code MetricsRecorder} and statistics, so they equal what llmbench reports for the same trials.
 * JMH's run-level secondary score is computed again over the trials of all measured iterations
 * and forks ({@link LlmbenchResult}).
 *
 * <h2>Selecting it</h2>
 * JMH takes a profiler by class name (it has short names only for its built-in profilers):
 * <pre>
 * java -jar benchmarks.jar StandardSuiteBenchmark -prof dev.llmbench.jmh.LlmbenchProfiler -rf json
 * </pre>
 * or {@code new OptionsBuilder().addProfiler(LlmbenchProfiler.class)}. It is also registered in
 * {@code META-INF/services/org.openjdk.jmh.profile.Profiler}, so {@code -lprof} lists it as
 * discovered.
 *
 * <h2>Constructor requirements</h2>
 * The public no-arg constructor does nothing; JMH creates one instance per benchmark in the VM
 * that runs it. Iterations of one benchmark run one after another, so no more than one iteration
 * is open at a time.
 *
 * @since 0.1
 */
public final class LlmbenchProfiler implements InternalProfiler {
    private int warmups;
    private int measurements;

    /** Creates the profiler; does nothing else. */
    public LlmbenchProfiler() {}

    @Override
    public String getDescription() {
        return "llmbench figures per iteration: score, pass rate, TTFT p50/p99, ITL p50, decode tokens/s p50,"
                + " output tokens, errors";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        LlmbenchCollector.open();
    }

    @Override
    public List<LlmbenchResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        boolean warmup = iterationParams.getType() == IterationType.WARMUP;
        int index = warmup ? ++warmups : ++measurements;
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : benchmarkParams.getParamsKeys()) {
            params.put(key, benchmarkParams.getParam(key));
        }
        List<TrialRecord> trials = LlmbenchCollector.close(benchmarkParams.getBenchmark(), params, warmup, index);
        return results(trials);
    }

    /** The secondary results for {@code trials}: every figure that is a number; none for no trials. */
    static List<LlmbenchResult> results(List<TrialRecord> trials) {
        if (trials.isEmpty()) {
            return List.of();
        }
        List<TrialSample> samples = trials.stream().map(TrialSample::of).toList();
        List<LlmbenchResult> out = new ArrayList<>();
        for (Map.Entry<LlmbenchFigure, Double> e : LlmbenchFigure.computeSamples(samples).entrySet()) {
            if (!e.getValue().isNaN()) {
                out.add(LlmbenchResult.from(e.getKey(), samples));
            }
        }
        return out;
    }
}
