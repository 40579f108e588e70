package dev.llmbench.jmh;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.ModelSpec;
import dev.llmbench.core.runner.TrialRunner;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.timing.Ticker;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Executes llmbench trials one at a time on the calling thread, outside the llmbench runner: the
 * engine behind {@link LlmTrialState}, usable from any harness that wants one graded, timed
 * request per call.
 *
 * <p>{@link #open} resolves the test and case, creates every grader and the provider up front (so
 * a bad configuration fails before any request). Each {@link #next()} runs the next case's trial
 * through core's {@link TrialRunner} — the runner's own request attributes, per-trial seed, timing
 * engine, timeout, tool loop, grading and error rules — and returns the {@link TrialRecord} the
 * runner would have journaled.
 *
 * <p>Not recorded anywhere: the caller decides (see {@link LlmbenchCollector}). There is no
 * warmup, journal, retry or concurrency control here; JMH's warmup iterations and threads take
 * their place.
 *
 * <p>Thread-safe: the provider and graders are, and the invocation counter is atomic; concurrent
 * callers get distinct trials. Close it to release the provider.
 *
 * @since 0.1
 */
public final class TrialDriver implements AutoCloseable {
    private final TrialSettings settings;
    private final String model;
    private final BenchTest test;
    private final List<TestCase> cases;
    private final Map<GraderConfig, Grader> graders;
    private final Provider provider;
    private final TrialRunner trials;
    private final AtomicLong invocations = new AtomicLong();

    private TrialDriver(TrialSettings settings, BenchTest test, List<TestCase> cases, Map<GraderConfig, Grader> graders,
            Provider provider, TrialRunner trials) {
        this.settings = settings;
        this.model = ModelSpec.parse(settings.model()).toString();
        this.test = test;
        this.cases = cases;
        this.graders = graders;
        this.provider = provider;
        this.trials = trials;
    }

    /**
     * Resolves {@code settings} against {@code registry} and creates the graders and the provider,
     * with the system clocks.
     *
     * @throws BenchConfigurationException for an unknown suite, test, case, grader or provider, or
     *         a provider configuration the factory rejects (a missing API key); nothing was sent
     */
    public static TrialDriver open(ServiceRegistry registry, TrialSettings settings) {
        return open(registry, settings, Ticker.SYSTEM, Clock.systemUTC());
    }

    /**
     * As {@link #open(ServiceRegistry, TrialSettings)}, with the clocks given.
     *
     * @param ticker the monotonic clock that stamps stream events
     * @param clock  the wall clock for {@link TrialRecord#startedAt()}
     */
    public static TrialDriver open(ServiceRegistry registry, TrialSettings settings, Ticker ticker, Clock clock) {
        Checks.notNull(registry, "registry");
        Checks.notNull(settings, "settings");
        Checks.notNull(ticker, "ticker");
        Checks.notNull(clock, "clock");
        List<BenchTest> tests = registry.testsOf(settings.suite());
        BenchTest test = tests.stream().filter(t -> t.id().equals(settings.test())).findFirst()
                .orElseThrow(() -> new BenchConfigurationException("suite \"" + settings.suite() + "\" has no test \""
                        + settings.test() + "\"; tests: " + tests.stream().map(BenchTest::id).toList()));
        List<TestCase> cases = test.cases();
        if (!settings.caseId().equals(TrialSettings.ALL_CASES)) {
            cases = cases.stream().filter(c -> c.id().equals(settings.caseId())).toList();
            if (cases.isEmpty()) {
                throw new BenchConfigurationException("test \"" + test.id() + "\" has no case \"" + settings.caseId()
                        + "\"; cases: " + test.cases().stream().map(TestCase::id).toList() + " or "
                        + TrialSettings.ALL_CASES + " for all");
            }
        }
        if (cases.isEmpty()) {
            throw new BenchConfigurationException("test \"" + test.id() + "\" has no cases");
        }
        Map<GraderConfig, Grader> graders = new HashMap<>();
        for (TestCase c : cases) {
            for (GraderConfig g : c.graders()) {
                graders.computeIfAbsent(g, registry::createGrader);
            }
        }
        ModelSpec spec = ModelSpec.parse(settings.model());
        ProviderConfig config = ProviderConfig.of(spec.model()).withRequestTimeout(settings.requestTimeout());
        Provider provider = registry.provider(spec.provider()).create(config);
        return new TrialDriver(settings, test, List.copyOf(cases), Map.copyOf(graders), provider,
                new TrialRunner(ticker, clock, settings.requestTimeout()));
    }

    /** The settings this driver runs. */
    public TrialSettings settings() {
        return settings;
    }

    /** The test whose cases are sent. */
    public BenchTest test() {
        return test;
    }

    /** The cases sent, in the order {@link #next()} cycles through them; never empty. */
    public List<TestCase> cases() {
        return cases;
    }

    /**
     * Runs the next trial: invocation {@code i} (counting from 0) sends case {@code i mod n} of the
     * {@code n} selected cases, as that case's trial {@code i / n}.
     *
     * @return the graded trial; never null. A failed request is a record with an error, not an
     *         exception.
     * @throws dev.llmbench.core.BenchRunException when the calling thread is interrupted
     */
    public TrialRecord next() {
        long i = invocations.getAndIncrement();
        TestCase c = cases.get((int) (i % cases.size()));
        int trial = (int) Math.min(Integer.MAX_VALUE, i / cases.size());
        return run(c, trial);
    }

    private TrialRecord run(TestCase c, int trial) {
        return trials.run(provider, model, test, c, trial, settings.seed(), graders::get);
    }

    /** Closes the provider. */
    @Override
    public void close() {
        trials.close();
        provider.close();
    }
}
