package dev.llmbench.jmh;

import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.results.TrialRecord;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A JMH state that executes llmbench trials: each {@link #trial()} call is one graded, timed
 * request (for a tool-use case, one agent loop) to the model, recorded for
 * {@link LlmbenchProfiler}. Use it with {@code Mode.SingleShotTime}, so each measured invocation is
 * one LLM request:
 * <pre>
 * &#64;BenchmarkMode(Mode.SingleShotTime)
 * &#64;Warmup(iterations = 1)
 * &#64;Measurement(iterations = 6)
 * public class MyModelBenchmark {
 *     &#64;Benchmark
 *     public TrialRecord request(LlmTrialState state) {
 *         return state.trial();
 *     }
 * }
 * </pre>
 *
 * <h2>Parameters</h2>
 * Set with JMH's {@code -p name=value[,value...]} (each value is a separate benchmark):
 * <ul>
 *   <li>{@code model}: the model spec; default a fast offline simulator,
 *       {@code sim:oracle?ttft=5ms&tps=2000}. E.g. {@code ollama:gemma4:e4b},
 *       {@code openrouter:minimax/minimax-m3} (API keys come from the environment, as for the CLI).
 *       JMH splits values on commas, so a spec cannot contain one.</li>
 *   <li>{@code suite}: the suite, default {@code standard}.</li>
 *   <li>{@code test}: the test id; default {@code basic_reasoning} and {@code tool_use}. All 15:
 *       {@code ./llmbench list tests}.</li>
 *   <li>{@code caseId}: one case id, or {@code *} (default) to cycle through every case of the
 *       test, one per invocation.</li>
 *   <li>{@code seed}: the run seed per-trial seeds derive from (matters for {@code sim}), default 42.</li>
 *   <li>{@code timeoutSeconds}: the total timeout of one request, default 300.</li>
 * </ul>
 *
 * <p>The provider and graders are created once per JMH trial (fork × parameter set) by the
 * {@link Level#Trial} setup, through {@link ServiceRegistry#discover()}; a configuration error
 * fails the benchmark before any request. A failed request is not an exception: it is recorded as
 * an error and counts in {@code llmbench.errors}; the first one of each JMH trial is printed to
 * standard error, so an unreachable server does not go unnoticed.
 *
 * <p>{@link Scope#Benchmark}: one provider for all benchmark threads ({@code -t N} sends N
 * requests at once, closed loop); providers are thread-safe. Subclass and override
 * {@link #registry()} to use plugins that are not discovered.
 *
 * @since 0.1
 */
@State(Scope.Benchmark)
public class LlmTrialState {
    /** The model spec. */
    @Param("sim:oracle?ttft=5ms&tps=2000")
    public String model;

    /** The suite the test belongs to. */
    @Param("standard")
    public String suite;

    /** The test id. */
    @Param({"basic_reasoning", "tool_use"})
    public String test;

    /** The case id, or {@code *} for every case in turn. */
    @Param(TrialSettings.ALL_CASES)
    public String caseId;

    /** The run seed. */
    @Param("42")
    public long seed;

    /** The total timeout of one request, in seconds. */
    @Param("300")
    public int timeoutSeconds;

    private TrialDriver driver;
    private final AtomicBoolean errorShown = new AtomicBoolean();

    /** Creates the state; JMH calls this. */
    public LlmTrialState() {}

    /** Resolves the test and creates the graders and the provider. */
    @Setup(Level.Trial)
    public void setUp() {
        driver = TrialDriver.open(registry(),
                new TrialSettings(model, suite, test, caseId, seed, Duration.ofSeconds(timeoutSeconds)));
    }

    /** Closes the provider. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
    }

    /**
     * Runs one trial and hands it to {@link LlmbenchCollector} for the profiler.
     *
     * @return the graded trial (return it from the benchmark method so JMH consumes it)
     */
    public TrialRecord trial() {
        TrialRecord r = driver.next();
        LlmbenchCollector.record(r);
        if (r.error().isPresent() && errorShown.compareAndSet(false, true)) {
            System.err.println("llmbench: first failed request of " + r.model() + " " + r.test() + "/" + r.caseId()
                    + ": " + r.error().get().errorClass().id() + " " + r.error().get().message()
                    + " (failed requests count in llmbench.errors)");
        }
        return r;
    }

    /** The driver, between setup and teardown. */
    public TrialDriver driver() {
        return driver;
    }

    /** The plugins to use; {@link ServiceRegistry#discover()} unless overridden. */
    protected ServiceRegistry registry() {
        return ServiceRegistry.discover();
    }
}
