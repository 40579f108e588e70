package dev.llmbench.core.runner;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Checks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The immutable settings of one run, built with {@link #builder()}. Immutable and thread-safe.
 *
 * <p>Each builder setter validates its argument at once and {@link Builder#build()} copies
 * everything, so an {@code Options} is never half-valid.
 *
 * @since 0.1
 */
public final class Options {
    private final List<ModelSpec> models;
    private final String suite;
    private final Pattern include;
    private final Pattern exclude;
    private final int trials;
    private final int warmup;
    private final int concurrency;
    private final Duration requestTimeout;
    private final long seed;
    private final Path outputDir;
    private final Set<ResultFormatType> formats;
    private final boolean failOnError;
    private final Path recordDir;
    private final int retries;
    private final Duration maxBackoff;

    private Options(Builder b) {
        this.models = List.copyOf(b.models);
        this.suite = b.suite;
        this.include = b.include;
        this.exclude = b.exclude;
        this.trials = b.trials;
        this.warmup = b.warmup;
        this.concurrency = b.concurrency;
        this.requestTimeout = b.requestTimeout;
        this.seed = b.seed;
        this.outputDir = b.outputDir;
        this.formats = Set.copyOf(b.formats);
        this.failOnError = b.failOnError;
        this.recordDir = b.recordDir;
        this.retries = b.retries;
        this.maxBackoff = b.maxBackoff;
    }

    /** A new builder with {@link Defaults}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.models.addAll(models);
        b.suite = suite;
        b.include = include;
        b.exclude = exclude;
        b.trials = trials;
        b.warmup = warmup;
        b.concurrency = concurrency;
        b.requestTimeout = requestTimeout;
        b.seed = seed;
        b.outputDir = outputDir;
        b.formats = EnumSet.copyOf(formats);
        b.failOnError = failOnError;
        b.recordDir = recordDir;
        b.retries = retries;
        b.maxBackoff = maxBackoff;
        return b;
    }

    /** The models to benchmark, at least one, in order. */
    public List<ModelSpec> models() {
        return models;
    }

    /** The suite (or single test) id. */
    public String suite() {
        return suite;
    }

    /** Tests whose id matches (find) are run; all when empty. */
    public Optional<Pattern> include() {
        return Optional.ofNullable(include);
    }

    /** Tests whose id matches (find) are skipped; none when empty. */
    public Optional<Pattern> exclude() {
        return Optional.ofNullable(exclude);
    }

    /** Measured trials per case, at least 1. */
    public int trials() {
        return trials;
    }

    /** Warmup requests per model, not recorded in results, 0 or more. */
    public int warmup() {
        return warmup;
    }

    /** Requests in flight at once (closed loop), 1 to {@link Defaults#MAX_CONCURRENCY}. */
    public int concurrency() {
        return concurrency;
    }

    /** How long one request may take in total. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The run's seed: per-trial seeds derive from it. */
    public long seed() {
        return seed;
    }

    /** The run directory when set; else the runner creates one under {@link Defaults#RESULTS_ROOT}. */
    public Optional<Path> outputDir() {
        return Optional.ofNullable(outputDir);
    }

    /** The result files to write. */
    public Set<ResultFormatType> formats() {
        return formats;
    }

    /** Whether the first failed request aborts the run (default false: failures are data). */
    public boolean failOnError() {
        return failOnError;
    }

    /**
     * The directory every provider records its exchanges into, when set: passed to each provider
     * as the extra {@value dev.llmbench.core.spi.ProviderConfig#EXTRA_RECORD_DIR} (absolute path),
     * so the run can be replayed offline with the {@code replay} provider.
     */
    public Optional<Path> recordDir() {
        return Optional.ofNullable(recordDir);
    }

    /**
     * How often a failed request of a retriable class ({@link dev.llmbench.core.spi.ErrorClass#retriable()})
     * is sent again; 0 (the default) never retries.
     */
    public int retries() {
        return retries;
    }

    /**
     * The longest wait before a retry: caps both the server's {@code Retry-After} /
     * {@code X-RateLimit-Reset} hint and the exponential backoff.
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The options as a JSON-friendly map with snake_case keys (stable; stored in run files). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("models", models.stream().map(ModelSpec::toString).toList());
        m.put("suite", suite);
        m.put("include", include == null ? null : include.pattern());
        m.put("exclude", exclude == null ? null : exclude.pattern());
        m.put("trials", trials);
        m.put("warmup", warmup);
        m.put("concurrency", concurrency);
        m.put("request_timeout_ms", requestTimeout.toMillis());
        m.put("seed", seed);
        m.put("formats", formats.stream().sorted().map(ResultFormatType::id).toList());
        m.put("fail_on_error", failOnError);
        m.put("record_dir", recordDir == null ? null : recordDir.toString());
        m.put("retries", retries);
        m.put("max_backoff_ms", maxBackoff.toMillis());
        return m;
    }

    /**
     * Rebuilds options from {@link #toMap()} output (used by {@code --resume}).
     *
     * @throws BenchConfigurationException when a value is missing or invalid
     */
    public static Options fromMap(Map<String, ?> m, Path outputDir) {
        try {
            Builder b = builder();
            for (Object spec : (List<?>) m.get("models")) {
                b.model(String.valueOf(spec));
            }
            b.suite(String.valueOf(m.get("suite")));
            if (m.get("include") != null) {
                b.include(String.valueOf(m.get("include")));
            }
            if (m.get("exclude") != null) {
                b.exclude(String.valueOf(m.get("exclude")));
            }
            b.trials(((Number) m.get("trials")).intValue());
            b.warmup(((Number) m.get("warmup")).intValue());
            b.concurrency(((Number) m.get("concurrency")).intValue());
            b.requestTimeout(Duration.ofMillis(((Number) m.get("request_timeout_ms")).longValue()));
            b.seed(((Number) m.get("seed")).longValue());
            List<ResultFormatType> fs = new ArrayList<>();
            for (Object f : (List<?>) m.get("formats")) {
                fs.add(ResultFormatType.fromId(String.valueOf(f)));
            }
            b.formats(fs);
            b.failOnError(Boolean.TRUE.equals(m.get("fail_on_error")));
            if (m.get("record_dir") != null) {
                b.recordDir(Path.of(String.valueOf(m.get("record_dir"))));
            }
            if (m.get("retries") != null) {
                b.retries(((Number) m.get("retries")).intValue());
            }
            if (m.get("max_backoff_ms") != null) {
                b.maxBackoff(Duration.ofMillis(((Number) m.get("max_backoff_ms")).longValue()));
            }
            return b.outputDir(outputDir).build();
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new BenchConfigurationException("stored run options are invalid (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "Options" + toMap();
    }

    /**
     * Builds {@link Options}. Every setter validates at once and throws
     * {@link BenchConfigurationException} naming the setting and its value. Not thread-safe.
     */
    public static final class Builder {
        private final List<ModelSpec> models = new ArrayList<>();
        private String suite = Defaults.SUITE;
        private Pattern include;
        private Pattern exclude;
        private int trials = Defaults.TRIALS;
        private int warmup = Defaults.WARMUP;
        private int concurrency = Defaults.CONCURRENCY;
        private Duration requestTimeout = Defaults.REQUEST_TIMEOUT;
        private long seed = Defaults.SEED;
        private Path outputDir;
        private EnumSet<ResultFormatType> formats = EnumSet.copyOf(Defaults.FORMATS);
        private boolean failOnError;
        private Path recordDir;
        private int retries = Defaults.RETRIES;
        private Duration maxBackoff = Defaults.MAX_BACKOFF;

        private Builder() {}

        /** Adds a model by spec, e.g. {@code ollama:gemma4:e4b}; see {@link ModelSpec#parse}. */
        public Builder model(String spec) {
            return model(ModelSpec.parse(spec));
        }

        /** Adds a model; a model given twice is rejected. */
        public Builder model(ModelSpec spec) {
            Checks.notNull(spec, "spec");
            if (models.contains(spec)) {
                throw new BenchConfigurationException("model " + spec + " is listed twice");
            }
            models.add(spec);
            return this;
        }

        /** The suite or single test to run. @see Defaults#SUITE */
        public Builder suite(String id) {
            if (id == null || id.isBlank()) {
                throw new BenchConfigurationException("suite must not be blank");
            }
            this.suite = id.strip();
            return this;
        }

        /** Runs only tests whose id matches {@code regex} (find semantics). */
        public Builder include(String regex) {
            this.include = compile(regex, "tests");
            return this;
        }

        /** Skips tests whose id matches {@code regex} (find semantics). */
        public Builder exclude(String regex) {
            this.exclude = compile(regex, "exclude");
            return this;
        }

        /** Measured trials per case (1 to 10000). @see Defaults#TRIALS */
        public Builder trials(int n) {
            this.trials = range(n, 1, 10_000, "trials");
            return this;
        }

        /** Warmup requests per model (0 to 1000). @see Defaults#WARMUP */
        public Builder warmup(int n) {
            this.warmup = range(n, 0, 1000, "warmup");
            return this;
        }

        /** Requests in flight (1 to {@link Defaults#MAX_CONCURRENCY}). @see Defaults#CONCURRENCY */
        public Builder concurrency(int n) {
            this.concurrency = range(n, 1, Defaults.MAX_CONCURRENCY, "concurrency");
            return this;
        }

        /** Total time allowed per request (1 ms to 24 h). @see Defaults#REQUEST_TIMEOUT */
        public Builder requestTimeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 1 || timeout.compareTo(Duration.ofHours(24)) > 0) {
                throw new BenchConfigurationException(
                        "timeout (" + timeout + ") must be between 1 ms and 24 h, e.g. --timeout 120s");
            }
            this.requestTimeout = timeout;
            return this;
        }

        /** The run's seed. @see Defaults#SEED */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The run directory (created when missing). */
        public Builder outputDir(Path dir) {
            this.outputDir = Checks.notNull(dir, "outputDir");
            return this;
        }

        /** The result files to write (at least one). @see Defaults#FORMATS */
        public Builder formats(java.util.Collection<ResultFormatType> types) {
            if (types == null || types.isEmpty()) {
                throw new BenchConfigurationException("formats must name at least one format, e.g. json,md");
            }
            this.formats = EnumSet.copyOf(types);
            return this;
        }

        /** Whether the first failed request aborts the run. */
        public Builder failOnError(boolean on) {
            this.failOnError = on;
            return this;
        }

        /**
         * Records every request and raw response stream of the run into {@code dir} (created when
         * missing; stored as an absolute path), for offline replay with {@code replay:DIR}.
         *
         * @throws BenchConfigurationException when {@code dir} exists and is not a directory
         */
        public Builder recordDir(Path dir) {
            Checks.notNull(dir, "recordDir");
            Path abs;
            try {
                abs = dir.toAbsolutePath().normalize();
            } catch (java.io.IOError | SecurityException e) {
                throw new BenchConfigurationException("record directory " + dir + " cannot be resolved: " + e, e);
            }
            if (java.nio.file.Files.exists(abs) && !java.nio.file.Files.isDirectory(abs)) {
                throw new BenchConfigurationException("record directory " + dir + " exists and is not a directory");
            }
            this.recordDir = abs;
            return this;
        }

        /**
         * Retries per request for retriable error classes (0 to 100); 0 turns retries off.
         *
         * @see Defaults#RETRIES
         */
        public Builder retries(int maxRetries) {
            this.retries = range(maxRetries, 0, 100, "retries");
            return this;
        }

        /** The cap on any wait before a retry (1 ms to 1 h). @see Defaults#MAX_BACKOFF */
        public Builder maxBackoff(Duration cap) {
            if (cap == null || cap.toMillis() < 1 || cap.compareTo(Duration.ofHours(1)) > 0) {
                throw new BenchConfigurationException(
                        "max backoff (" + cap + ") must be between 1 ms and 1 h, e.g. 30s");
            }
            this.maxBackoff = cap;
            return this;
        }

        /**
         * Copies everything into new immutable {@link Options}.
         *
         * @throws BenchConfigurationException when no model was given
         */
        public Options build() {
            if (models.isEmpty()) {
                throw new BenchConfigurationException("no model given: add one, e.g. --model sim:oracle");
            }
            return new Options(this);
        }

        private static int range(int n, int min, int max, String name) {
            if (n < min || n > max) {
                throw new BenchConfigurationException(name + " (" + n + ") must be between " + min + " and " + max);
            }
            return n;
        }

        private static Pattern compile(String regex, String name) {
            if (regex == null || regex.isBlank()) {
                throw new BenchConfigurationException(name + " pattern must not be blank");
            }
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new BenchConfigurationException(
                        name + " pattern \"" + regex + "\" is not a valid regular expression: " + e.getDescription(), e);
            }
        }
    }
}
