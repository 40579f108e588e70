/**
 * The bridge from llmbench to JMH: run llmbench trials as JMH benchmarks and get llmbench's
 * figures in JMH's results.
 *
 * <ul>
 *   <li>{@link dev.llmbench.jmh.LlmTrialState}: a {@code @State} with {@code @Param}s for model
 *       spec, suite, test and case; each {@code trial()} is one graded, timed request. Use it with
 *       {@code Mode.SingleShotTime}.</li>
 *   <li>{@link dev.llmbench.jmh.LlmbenchProfiler}: adds score, pass rate, TTFT p50/p99, ITL p50,
 *       decode tokens/s p50, output tokens and errors as JMH secondary results. Select it with
 *       {@code -prof dev.llmbench.jmh.LlmbenchProfiler}.</li>
 *   <li>{@link dev.llmbench.jmh.TrialDriver}: the engine under the state, for other harnesses.</li>
 * </ul>
 *
 * <p>Example (the benchmark in {@code bench-examples}):
 * <pre>
 * java -jar bench-examples/target/benchmarks.jar StandardSuiteBenchmark \
 *     -p model=ollama:gemma4:e4b -p test=basic_reasoning,structured_output \
 *     -prof dev.llmbench.jmh.LlmbenchProfiler -rf json
 * </pre>
 *
 * @since 0.1
 */
package dev.llmbench.jmh;
