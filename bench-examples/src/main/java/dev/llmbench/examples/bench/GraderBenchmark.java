package dev.llmbench.examples.bench;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of grading one response, per test of the {@code standard} suite: every case's
 * calibration reference and its bad responses are graded in turn, through the same path the
 * runner uses ({@link CaseGrading}, graders created once as in a run). Reports the average time
 * per graded response.
 *
 * <p>Run: {@code java -jar bench-examples/target/benchmarks.jar GraderBenchmark -p test=basic_reasoning}.
 * {@code code_execution} runs its programs once when its graders are created, so grading is a text
 * comparison here. {@code code_generation} and {@code debugging} compile and run every response in
 * a child JVM: {@link CodeGradingBenchmark} measures them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GraderBenchmark {
    /** The test whose responses are graded. */
    @Param({"basic_reasoning", "algorithm_explanation", "complex_reasoning", "content_generation", "edge_case_handling",
        "long_context_rag", "structured_output", "tool_use", "instruction_following", "adversarial", "summarization",
        "recent_knowledge", "code_execution"})
    public String test;

    private BenchTest bench;
    private Function<GraderConfig, Grader> graders;
    private List<TestCase> cases;
    private List<List<String>> responses;
    private int next;

    /** Resolves the test and creates its graders once. */
    @Setup
    public void setUp() {
        ServiceRegistry registry = ServiceRegistry.discover();
        bench = registry.testsOf("standard").stream().filter(t -> t.id().equals(test)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test " + test + " in the standard suite"));
        Map<GraderConfig, Grader> cache = new HashMap<>();
        graders = config -> cache.computeIfAbsent(config, registry::createGrader);
        cases = bench.cases();
        responses = cases.stream().map(c -> java.util.stream.Stream.concat(c.calibration().passing().stream(),
                c.calibration().failing().stream()).toList()).toList();
    }

    /** Grades the next calibration response (references and bad ones alike, round robin). */
    @Benchmark
    public Grade grade() {
        int i = next++;
        int k = i % cases.size();
        List<String> rs = responses.get(k);
        return CaseGrading.gradeText(bench, cases.get(k), rs.get((i / cases.size()) % rs.size()), graders);
    }
}
