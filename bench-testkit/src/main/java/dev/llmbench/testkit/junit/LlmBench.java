package dev.llmbench.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmarks a model once for the annotated test class, so its tests can gate on the result.
 *
 * <pre class="code">{@code
 * @LlmBench(model = "sim:oracle", tests = "structured_output", trials = 3)
 * class MyModelGateTest {
 *     @Test
 *     void structuredOutputIsReliable(BenchResult r) {
 *         LlmAssertions.assertThat(r).test("structured_output").passRate().isAtLeast(0.9);
 *         LlmAssertions.assertThat(r).ttftMs().p95().isAtMost(2000);
 *     }
 * }
 * }</pre>
 *
 * <h2>Overrides</h2>
 * Every attribute can be overridden without touching the code, so CI can point the same test at a
 * real provider: a JUnit configuration parameter or JVM system property {@code llmbench.<name>}
 * (e.g. {@code -Dllmbench.model=ollama:gemma4:e4b}), else an environment variable
 * {@code LLMBENCH_<NAME>} ({@code LLMBENCH_MODEL}, {@code LLMBENCH_BASE_URL}), else the attribute.
 * Names: {@code model}, {@code suite}, {@code tests}, {@code exclude}, {@code trials},
 * {@code warmup}, {@code concurrency}, {@code seed}, {@code timeout}, {@code base-url}, {@code out}.
 * An override applies to every {@code @LlmBench} class of the run.
 *
 * <p>See {@link LlmBenchExtension} for what the run writes and how the result is shared; use
 * either this annotation or a {@code @RegisterExtension} field built with
 * {@link LlmBenchExtension#builder()}, not both.
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LlmBenchExtension.class)
public @interface LlmBench {
    /** The model spec, {@code provider:model}, e.g. {@code sim:oracle} or {@code ollama:gemma4:e4b}; required. */
    String model() default "";

    /** A suite or test id, or a suite file path ({@code .yaml}, {@code .yml}, {@code .json}, relative to the working directory). */
    String suite() default "standard";

    /** Runs only tests whose id matches this regular expression (find); all when empty. */
    String tests() default "";

    /** Skips tests whose id matches this regular expression (find); none when empty. */
    String exclude() default "";

    /** Measured trials per case, 1 or more. */
    int trials() default 3;

    /** Warmup requests before measuring (not recorded; their latency is the cold start). */
    int warmup() default 1;

    /** Requests in flight at once. */
    int concurrency() default 1;

    /** The run's seed. */
    long seed() default 42L;

    /** The time allowed per request: {@code 500ms}, {@code 30s}, {@code 5m}, {@code PT30S}. */
    String timeout() default "5m";

    /** The provider's base URL, e.g. a {@code FakeLlmServer}'s or a local vLLM's; the provider's default when empty. */
    String baseUrl() default "";

    /** The directory under which each run gets its own directory; {@code target/llmbench} when empty. */
    String out() default "";
}
