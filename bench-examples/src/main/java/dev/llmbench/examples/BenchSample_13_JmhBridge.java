package dev.llmbench.examples;

import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.jmh.LlmTrialState;
import dev.llmbench.jmh.LlmbenchProfiler;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Sample 13: llmbench trials as JMH benchmarks, with llmbench's figures as JMH secondary results. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 6)
@Fork(1)
public class BenchSample_13_JmhBridge {

    /*
     * If your team already runs JMH, llmbench fits in: bench-jmh turns an llmbench trial into a
     * JMH invocation. LlmTrialState is a @State with @Params for the model spec, the suite, the
     * test and the case. Each call to trial() sends one request, streams and stamps it, grades
     * it, and returns the TrialRecord.
     *
     * SingleShotTime is the right mode. One invocation is one request that takes hundreds of
     * milliseconds, so JMH's throughput and average-time loops would only add noise. Each
     * measurement iteration here is one request. The state cycles through the test's cases, so six
     * iterations ask each of basic_reasoning's three cases twice. The warmup iteration plays the
     * part of llmbench's warmup request. Leave batchSize at 1, or JMH's score becomes the time of
     * a whole batch of requests.
     *
     * JMH's primary score is the wall time of the whole invocation, grading included. llmbench's
     * own figures (score, pass rate, TTFT p50/p99, ITL p50, decode tokens/s, output tokens and
     * errors) come from LlmbenchProfiler, which adds them as secondary results. It computes them
     * from the same trials with llmbench's own recorder and statistics, so they match what
     * `llmbench run` reports for those requests. Per iteration they describe that iteration's
     * trials. The run-level figures are computed again over every measured trial.
     */
    static final String DEFAULT_MODEL = "sim:oracle?ttft=20ms&tps=400";

    @Benchmark
    public TrialRecord request(LlmTrialState state) {
        return state.trial(); // return it, so JMH consumes the result
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .include(BenchSample_13_JmhBridge.class.getSimpleName())
                .param("model", System.getProperty("llmbench.model", DEFAULT_MODEL))
                .param("test", "basic_reasoning") // the three bakery-style word problems, one per invocation
                .addProfiler(LlmbenchProfiler.class)
                .build();

        /*
         * JMH forks a fresh JVM for the measurement (@Fork(1)) and runs the state's setup there,
         * which discovers the provider and graders, and then the iterations. The profiler's
         * figures travel back with the results.
         */
        Collection<RunResult> results = new Runner(options).run();

        /*
         * The programmatic view, as in JMH's own sample 25: JMH's RunResult holds the primary
         * result and a map of secondary results by label. llmbench's labels all start with
         * "llmbench.".
         */
        for (RunResult r : results) {
            System.out.printf("%nmodel=%s test=%s%n", r.getParams().getParam("model"), r.getParams().getParam("test"));
            Result<?> primary = r.getPrimaryResult();
            System.out.printf("  %-24s %10.3f %s (JMH's wall time per request, grading included)%n", "primary",
                    primary.getScore(), primary.getScoreUnit());
            for (String label : r.getSecondaryResults().keySet()) {
                if (label.startsWith("llmbench.")) {
                    Result<?> figure = r.getSecondaryResults().get(label);
                    System.out.printf("  %-24s %10.3f %s%n", label, figure.getScore(), figure.getScoreUnit());
                }
            }
        }
    }

    /*
     * Where the two views differ: JMH's error column describes the spread of the primary score
     * across measured iterations and forks. In a normal llmbench run, each interval is computed
     * over all trials with the method that suits the figure (bootstrap or t for scores, Wilson
     * for rates). To decide between models, use an llmbench run (samples 02 and 06). Use the JMH
     * bridge when llmbench figures must sit next to your other JMH benchmarks, in JMH's JSON and
     * its tools.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_13_JmhBridge
     *
     * or through JMH's own command line, which the uber jar's Main-Class is:
     *
     *   java -jar bench-examples/target/benchmarks.jar BenchSample_13_JmhBridge \
     *        -p model='sim:oracle?ttft=20ms&tps=400' -p test=basic_reasoning \
     *        -prof dev.llmbench.jmh.LlmbenchProfiler -rf json -rff jmh-result.json
     *
     * JMH splits -p values at commas, so a model spec used here cannot contain one. A real model:
     *
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_13_JmhBridge
     *   java -jar bench-examples/target/benchmarks.jar BenchSample_13_JmhBridge -p model=ollama:gemma4:e4b \
     *        -prof dev.llmbench.jmh.LlmbenchProfiler
     *
     * The ready-made benchmark of the standard suite (dev.llmbench.examples.jmh.StandardSuiteBenchmark,
     * one benchmark per -p test value, basic_reasoning and tool_use by default):
     *
     *   java -jar bench-examples/target/benchmarks.jar StandardSuiteBenchmark \
     *        -p model=sim:oracle -prof dev.llmbench.jmh.LlmbenchProfiler -rf json
     */
}
