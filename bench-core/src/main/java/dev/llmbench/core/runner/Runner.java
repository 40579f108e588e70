package dev.llmbench.core.runner;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.RunInfo;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.format.ResultWriters;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.timing.Ticker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Runs a benchmark: models × tests × cases × trials, journaled as it goes, then aggregated and
 * written in the requested formats.
 *
 * <p>A {@code Runner} is single-use: call {@link #run()} once. Not thread-safe. Configuration
 * problems (unknown provider, suite, grader; an output directory that already holds a run) throw
 * {@link BenchConfigurationException} before any request is sent. A failed request is recorded as
 * a classified error and the run goes on, unless {@link Options#failOnError()} is set.
 *
 * @since 0.1
 */
public final class Runner {
    private final Options options;
    private final ServiceRegistry registry;
    private final RunListener listener;
    private final Ticker ticker;
    private final Clock clock;
    private final RunDirectory existing;
    private boolean used;

    private Runner(Builder b) {
        this.options = b.options;
        this.registry = b.registry != null ? b.registry : ServiceRegistry.discover();
        this.listener = b.listener;
        this.ticker = b.ticker;
        this.clock = b.clock;
        this.existing = b.existing;
    }

    /** A runner for {@code options} with discovered plugins and the system clock. */
    public Runner(Options options) {
        this(builder(options));
    }

    /** A builder for a new run. */
    public static Builder builder(Options options) {
        return new Builder(Checks.notNull(options, "options"), null);
    }

    /**
     * A builder that continues the interrupted run in {@code runDir} with its stored options;
     * trials already journaled are not repeated.
     *
     * @throws BenchConfigurationException when {@code runDir} is not a run directory
     */
    public static Builder resume(Path runDir) {
        RunDirectory dir = RunDirectory.load(Checks.notNull(runDir, "runDir"));
        return new Builder(dir.options(), dir);
    }

    /** The options this runner uses (for a resumed run, the stored ones). */
    public Options options() {
        return options;
    }

    /**
     * Runs the benchmark and writes the result files into the run directory.
     *
     * @return the run's results; never null
     * @throws BenchConfigurationException before any request, for bad configuration
     * @throws RunAbortedException when failOnError stopped the run (partial results written first)
     * @throws RunInterruptedException when the thread was interrupted (partial results written first)
     * @throws BenchRunException for infrastructure failures
     */
    public RunResult run() {
        if (used) {
            throw new IllegalStateException("a Runner is single-use; create a new one");
        }
        used = true;
        RunPlan plan = new RunPlan(options, registry);
        Map<ModelSpec, Provider> providers = openProviders(options, registry, options.concurrency());
        RunDirectory dir = existing != null ? existing : RunDirectory.create(options, clock);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "llmbench-deadlines");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        var gradingPool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), options.concurrency())), r -> {
                    Thread t = new Thread(r, "llmbench-grading");
                    t.setDaemon(true);
                    return t;
                });
        try (Journal journal = Journal.open(dir.dir())) {
            journal.appendSession(clock.instant());
            RequestRunner requests = new RequestRunner(ticker, clock, scheduler, options.requestTimeout());
            TrialExecutor executor = new TrialExecutor(plan, options, journal, requests, gradingPool, listener, ticker);
            boolean aborted;
            try {
                aborted = executor.execute(providers);
            } catch (RunInterruptedException e) {
                boolean interrupted = Thread.interrupted();
                ResultWriters.writeAll(ResultAggregator.aggregate(plan, options, journal, runInfo(dir, journal)),
                        dir.dir(), options.formats());
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw e;
            }
            RunResult result = ResultAggregator.aggregate(plan, options, journal, runInfo(dir, journal));
            ResultWriters.writeAll(result, dir.dir(), options.formats());
            listener.runFinished(result, dir.dir());
            if (aborted) {
                throw new RunAbortedException("run aborted by failOnError after the first failed request: "
                        + executor.firstError().orElse("(unknown)") + "; partial results are in " + dir.dir(), result);
            }
            return result;
        } finally {
            providers.values().forEach(Provider::close);
            scheduler.shutdownNow();
            gradingPool.shutdownNow();
        }
    }

    /**
     * Creates one provider per model, telling each the most requests it will have in flight
     * ({@link ProviderConfig#EXTRA_MIN_CONNECTIONS}), and checks that each is reachable; on any
     * failure closes those already created and rethrows.
     */
    static Map<ModelSpec, Provider> openProviders(Options options, ServiceRegistry registry, int inFlight) {
        Map<ModelSpec, Provider> providers = new LinkedHashMap<>();
        try {
            for (ModelSpec spec : options.models()) {
                ProviderConfig base = ProviderConfig.of(spec.model()).withRequestTimeout(options.requestTimeout());
                Map<String, String> extras = new LinkedHashMap<>();
                extras.put(ProviderConfig.EXTRA_MIN_CONNECTIONS, Integer.toString(inFlight));
                options.recordDir().ifPresent(d -> extras.put(ProviderConfig.EXTRA_RECORD_DIR, d.toString()));
                ProviderConfig config = new ProviderConfig(base.model(), base.baseUrl(), base.apiKey(),
                        base.connectTimeout(), base.requestTimeout(), extras);
                providers.put(spec, registry.provider(spec.provider()).create(config));
            }
            for (Provider p : providers.values()) {
                p.checkReachable(); // a down server is a configuration error, found before any request
            }
            return providers;
        } catch (RuntimeException e) {
            providers.values().forEach(Provider::close);
            throw e;
        }
    }

    private RunInfo runInfo(RunDirectory dir, Journal journal) {
        boolean simulated = options.models().stream().allMatch(m -> m.provider().equals("sim"));
        return new RunInfo(dir.id(), dir.startedAt(), clock.instant(), Version.current(), options.toMap(), environment(),
                ResultAggregator.wallTimeMs(journal), simulated);
    }

    /** The JVM and machine a run was measured on, JSON-friendly. */
    static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java_version", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("arch", System.getProperty("os.arch"));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return env;
    }

    /** Builds a {@link Runner}. Not thread-safe. */
    public static final class Builder {
        private final Options options;
        private final RunDirectory existing;
        private ServiceRegistry registry;
        private RunListener listener = RunListener.NONE;
        private Ticker ticker = Ticker.SYSTEM;
        private Clock clock = Clock.systemUTC();

        private Builder(Options options, RunDirectory existing) {
            this.options = options;
            this.existing = existing;
        }

        /** The plugins to use (default: {@link ServiceRegistry#discover()}). */
        public Builder registry(ServiceRegistry registry) {
            this.registry = Checks.notNull(registry, "registry");
            return this;
        }

        /** A progress observer (default: none). */
        public Builder listener(RunListener listener) {
            this.listener = Checks.notNull(listener, "listener");
            return this;
        }

        /** The monotonic clock that stamps events (default: {@link Ticker#SYSTEM}). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Checks.notNull(ticker, "ticker");
            return this;
        }

        /** The wall clock for timestamps (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** The options this runner will use (for a resumed run, the stored ones). */
        public Options options() {
            return options;
        }

        /** Creates the runner. */
        public Runner build() {
            return new Runner(this);
        }
    }
}
