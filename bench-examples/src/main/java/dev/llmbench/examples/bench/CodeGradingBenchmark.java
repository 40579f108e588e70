package dev.llmbench.examples.bench;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import java.util.HashMap;
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
 * The cost of grading one code response end to end: extract the fenced Java, compile it with
 * {@code javax.tools}, run the hidden tests in a fresh child JVM with the sandbox's limits, parse
 * the results. Each invocation grades the case's reference with a unique trailing comment, so the
 * grader's result cache never answers and every invocation pays the full price. Single-shot mode:
 * one response per measurement.
 *
 * <p>Run: {@code java -jar bench-examples/target/benchmarks.jar CodeGradingBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@Fork(1)
public class CodeGradingBenchmark {
    /** The code test whose first case is graded. */
    @Param({"code_generation", "debugging"})
    public String test;

    private BenchTest bench;
    private TestCase testCase;
    private String reference;
    private Function<GraderConfig, Grader> graders;
    private long counter;

    /** Resolves the test and creates its graders once. */
    @Setup
    public void setUp() {
        ServiceRegistry registry = ServiceRegistry.discover();
        bench = registry.testsOf("standard").stream().filter(t -> t.id().equals(test)).findFirst().orElseThrow();
        testCase = bench.cases().get(0);
        reference = testCase.calibration().reference().orElseThrow();
        Map<GraderConfig, Grader> cache = new HashMap<>();
        graders = config -> cache.computeIfAbsent(config, registry::createGrader);
    }

    /** Grades a fresh variant of the reference (compile + child JVM run). */
    @Benchmark
    public Grade gradeOneResponse() {
        String response = reference.replace("```java\n", "```java\n// variant " + (counter++) + "\n");
        return CaseGrading.gradeText(bench, testCase, response, graders);
    }
}
