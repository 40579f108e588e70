package dev.llmbench.core.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.internal.AtomicFiles;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.load.LoadRecord;
import dev.llmbench.core.load.LoadReport;
import dev.llmbench.core.load.LoadResult;
import dev.llmbench.core.load.LoadSpec;
import dev.llmbench.core.load.LoadSummary;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.results.TrialKey;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.timing.Ticker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Runs a load test: each model in turn is driven as its {@link LoadSpec} says with the requests
 * of the selected suite's cases (cycled in a seeded order; a tool-loop case sends its first turn
 * only), after {@link Options#warmup()} unmeasured requests sent with up to {@code concurrency}
 * in flight. Works with every provider.
 *
 * <p>Writes into the run directory {@code requests.jsonl} (one line per ended request, flushed
 * as it ends, so an interrupted run keeps every finished request), then {@code load.json} and
 * {@code load.md}. Requests are not graded: a load run measures serving, and grading (code
 * execution above all) would compete with the timing for CPU. Trial-mode options that do not
 * apply ({@code trials}, {@code retries}, {@code failOnError}, formats) are ignored.
 *
 * <p>Single-use and not thread-safe.
 *
 * @since 0.1
 */
public final class LoadRunner {
    /** The longest a warmup may take before the measured phase starts anyway. */
    static final java.time.Duration WARMUP_WINDOW = java.time.Duration.ofMinutes(10);

    private final Options options;
    private final LoadSpec spec;
    private final ServiceRegistry registry;
    private final LoadListener listener;
    private final Ticker ticker;
    private final Clock clock;
    private final Pacer pacer;
    private boolean used;

    private LoadRunner(Builder b) {
        this.options = b.options;
        this.spec = b.spec;
        this.registry = b.registry != null ? b.registry : ServiceRegistry.discover();
        this.listener = b.listener;
        this.ticker = b.ticker;
        this.clock = b.clock;
        this.pacer = b.pacer;
    }

    /** A builder for a load run of {@code options}' models and suite, driven as {@code spec} says. */
    public static Builder builder(Options options, LoadSpec spec) {
        return new Builder(Checks.notNull(options, "options"), Checks.notNull(spec, "spec"));
    }

    /**
     * Runs every model's phase and writes the result files.
     *
     * @return the result; never null
     * @throws BenchConfigurationException before any request, for bad configuration or an
     *         unreachable server
     * @throws RunInterruptedException when interrupted (partial results written first)
     */
    public LoadResult run() {
        if (used) {
            throw new IllegalStateException("a LoadRunner is single-use; create a new one");
        }
        used = true;
        RunPlan plan = new RunPlan(options, registry);
        List<Entry> pool = pool(plan);
        Map<ModelSpec, Provider> providers = Runner.openProviders(options, registry, spec.concurrency());
        Instant startedAt = clock.instant();
        String id = RunDirectory.newId(startedAt);
        Path dir = createDirectory(id);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "llmbench-load-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        List<LoadSummary> summaries = new ArrayList<>();
        try (RequestLog log = new RequestLog(dir.resolve(LoadReport.REQUESTS_FILE))) {
            listener.runStarted(dir);
            RequestRunner requests = new RequestRunner(ticker, clock, timer, options.requestTimeout());
            for (Map.Entry<ModelSpec, Provider> e : providers.entrySet()) {
                String model = e.getKey().toString();
                warmup(requests, e.getValue(), pool, model, id + "-m" + summaries.size() + "-warmup-", timer);
                String idPrefix = id + "-m" + summaries.size() + "-";
                LoadPhase phase = new LoadPhase(model, e.getValue(), spec, options.seed(), requests, ticker, pacer,
                        seq -> pick(pool, model, seq, idPrefix + seq), r -> log.append(model, r), timer, listener);
                try {
                    summaries.add(phase.run());
                } catch (RunInterruptedException interrupted) {
                    summaries.add(phase.partial());
                    write(new LoadResult(id, dir, startedAt, clock.instant(), Version.current(), optionsMap(), spec,
                            Runner.environment(), summaries, simulated()));
                    throw interrupted;
                }
                listener.modelFinished(summaries.get(summaries.size() - 1));
            }
            LoadResult result = new LoadResult(id, dir, startedAt, clock.instant(), Version.current(), optionsMap(),
                    spec, Runner.environment(), summaries, simulated());
            write(result);
            listener.runFinished(result);
            return result;
        } finally {
            providers.values().forEach(Provider::close);
            timer.shutdownNow();
        }
    }

    /** A case of the pool and the test it belongs to. */
    private record Entry(String test, TestCase testCase) {}

    /** Every selected case, in an order shuffled by the run's seed. */
    private List<Entry> pool(RunPlan plan) {
        List<Entry> pool = new ArrayList<>();
        for (BenchTest test : plan.tests()) {
            for (TestCase c : test.cases()) {
                pool.add(new Entry(test.id(), c));
            }
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int i = pool.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Entry t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return pool;
    }

    /**
     * Request {@code seq} of a model: the pool's cases in turn, each with the harness attributes
     * and a request id ({@code <run id>-m<model index>-<seq>}) that HTTP providers send as a
     * header, so a server's logs can be joined with {@code requests.jsonl}.
     */
    private LoadPhase.Pick pick(List<Entry> pool, String model, long seq, String requestId) {
        Entry e = pool.get((int) (seq % pool.size()));
        String caseId = e.testCase().id();
        TrialKey key = new TrialKey(model, e.test(), caseId, (int) Math.min(Integer.MAX_VALUE, seq));
        ChatRequest request = TrialExecutor.request(e.testCase(), key, options.seed(), seq).toBuilder()
                .attribute(ChatRequest.ATTR_REQUEST_ID, requestId).build();
        return new LoadPhase.Pick(e.test(), caseId, request);
    }

    /**
     * Sends the warmup requests, not measured: a closed loop of at most {@code concurrency} users
     * (so a large warmup, which a JIT-compiled client needs before it measures thousands of
     * streams, takes seconds, not minutes). Nothing is recorded; failures are ignored.
     */
    private void warmup(RequestRunner requests, Provider provider, List<Entry> pool, String model, String idPrefix,
            ScheduledThreadPoolExecutor timer) {
        if (options.warmup() == 0) {
            return;
        }
        LoadSpec warm = LoadSpec.closed(Math.min(spec.concurrency(), options.warmup()), WARMUP_WINDOW)
                .withMaxRequests(options.warmup());
        new LoadPhase(model, provider, warm, options.seed(), requests, ticker, pacer,
                seq -> pick(pool, model, seq, idPrefix + seq), r -> { }, timer, LoadListener.NONE).run();
    }

    private Path createDirectory(String id) {
        Path dir = options.outputDir().orElse(Path.of(Defaults.RESULTS_ROOT, id)).toAbsolutePath().normalize();
        for (String f : List.of(LoadReport.JSON_FILE, LoadReport.REQUESTS_FILE, RunDirectory.RUN_FILE,
                Journal.FILE_NAME)) {
            if (Files.exists(dir.resolve(f))) {
                throw new BenchConfigurationException("output directory " + dir + " already holds a run ("
                        + f + "); choose another --out");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BenchConfigurationException("cannot create the run directory " + dir + " (" + e
                    + "); choose a writable --out", e);
        }
        return dir;
    }

    private void write(LoadResult result) {
        try {
            AtomicFiles.write(result.dir().resolve(LoadReport.JSON_FILE), LoadReport.json(result));
            AtomicFiles.write(result.dir().resolve(LoadReport.MARKDOWN_FILE), LoadReport.markdown(result));
        } catch (IOException e) {
            throw new BenchRunException("cannot write the load results into " + result.dir() + ": " + e, e);
        }
    }

    private Map<String, Object> optionsMap() {
        Map<String, Object> all = options.toMap();
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("models", "suite", "include", "exclude", "warmup", "request_timeout_ms", "seed")) {
            m.put(k, all.get(k));
        }
        return m;
    }

    private boolean simulated() {
        return options.models().stream().allMatch(m -> m.provider().equals("sim"));
    }

    /** Appends one JSON line per ended request, flushed at once. Thread-safe. */
    private static final class RequestLog implements AutoCloseable {
        private static final com.fasterxml.jackson.databind.ObjectWriter LINE = JsonCodec.MAPPER.writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        private final BufferedWriter out;
        private final Path file;

        RequestLog(Path file) {
            this.file = file;
            try {
                this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new BenchConfigurationException("cannot create " + file + ": " + e, e);
            }
        }

        synchronized void append(String model, LoadRecord r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.putAll(r.toMap());
            try {
                out.write(LINE.writeValueAsString(m));
                out.write('\n');
                out.flush();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            }
        }
    }

    /** Builds a {@link LoadRunner}. Not thread-safe. */
    public static final class Builder {
        private final Options options;
        private final LoadSpec spec;
        private ServiceRegistry registry;
        private LoadListener listener = LoadListener.NONE;
        private Ticker ticker = Ticker.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private Pacer pacer = Pacer.PARKING;

        private Builder(Options options, LoadSpec spec) {
            this.options = options;
            this.spec = spec;
        }

        /** The plugins to use (default: {@link ServiceRegistry#discover()}). */
        public Builder registry(ServiceRegistry registry) {
            this.registry = Checks.notNull(registry, "registry");
            return this;
        }

        /** A progress observer (default: none). */
        public Builder listener(LoadListener listener) {
            this.listener = Checks.notNull(listener, "listener");
            return this;
        }

        /** The monotonic clock that stamps events and paces arrivals (default: {@link Ticker#SYSTEM}). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Checks.notNull(ticker, "ticker");
            return this;
        }

        /** The wall clock for timestamps (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** How the open loop waits for an arrival (default: {@link Pacer#PARKING}). */
        public Builder pacer(Pacer pacer) {
            this.pacer = Checks.notNull(pacer, "pacer");
            return this;
        }

        /** Creates the runner. */
        public LoadRunner build() {
            return new LoadRunner(this);
        }
    }
}
