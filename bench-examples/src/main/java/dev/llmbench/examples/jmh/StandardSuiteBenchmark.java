package dev.llmbench.examples.jmh;

import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.jmh.LlmTrialState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code standard} suite as a JMH benchmark: every invocation is one graded, timed request to
 * the model ({@code Mode.SingleShotTime}), one benchmark per test. JMH's primary score is the time
 * of one trial as the JMH thread sees it (request, tool loop and grading); llmbench's figures come
 * as secondary results from {@link dev.llmbench.jmh.LlmbenchProfiler}.
 *
 * <p>The parameters are those of {@link LlmTrialState}; the defaults run offline in seconds
 * ({@code sim:oracle?ttft=5ms&tps=2000}, tests {@code basic_reasoning} and {@code tool_use}, every
 * case in turn). One warmup request (like llmbench's default warmup), then six measured requests,
 * that is two trials of each case of a three-case test.
 *
 * <h2>How to run</h2>
 * <pre>
 * ./mvnw -q install -DskipTests
 * java -jar bench-examples/target/benchmarks.jar StandardSuiteBenchmark \
 *     -p model=sim:oracle -prof dev.llmbench.jmh.LlmbenchProfiler -rf json
 * # all 15 tests of a local model (fewer tests: a shorter -p test= list)
 * java -jar bench-examples/target/benchmarks.jar StandardSuiteBenchmark -p model=ollama:gemma4:e4b \
 *     -p test=basic_reasoning,code_generation,debugging,algorithm_explanation,complex_reasoning,\
 * content_generation,edge_case_handling,long_context_rag,structured_output,tool_use,\
 * instruction_following,adversarial,code_execution,summarization,recent_knowledge \
 *     -prof dev.llmbench.jmh.LlmbenchProfiler -rf json -rff gemma4.json
 * # a cloud model; more trials per case with more iterations
 * OPENROUTER_API_KEY=... java -jar bench-examples/target/benchmarks.jar StandardSuiteBenchmark \
 *     -p model=openrouter:minimax/minimax-m3 -i 9 -prof dev.llmbench.jmh.LlmbenchProfiler
 * </pre>
 * {@code -p caseId=ID} pins one case; {@code -t 4} sends four requests at once (closed loop).
 * The JSON result ({@code jmh-result.json}) holds the figures under {@code secondaryMetrics}:
 * {@code llmbench.score}, {@code llmbench.pass_rate}, {@code llmbench.ttft.p50},
 * {@code llmbench.ttft.p99}, {@code llmbench.itl.p50}, {@code llmbench.decode_tps.p50},
 * {@code llmbench.output_tokens}, {@code llmbench.errors}, {@code llmbench.trials}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 6)
@Fork(1)
public class StandardSuiteBenchmark {
    /**
     * One trial: the next case's request, graded.
     *
     * @return the trial, consumed by JMH
     */
    @Benchmark
    public TrialRecord request(LlmTrialState state) {
        return state.trial();
    }
}
