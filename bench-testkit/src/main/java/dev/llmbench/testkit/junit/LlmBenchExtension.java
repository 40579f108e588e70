package dev.llmbench.testkit.junit;

import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.runner.ModelSpec;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.RunListener;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.suitefile.SuiteFiles;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs an llmbench benchmark once per test class and injects the result into test methods that
 * declare a {@link BenchResult} (or {@link RunResult}, {@link ModelResult}) parameter.
 *
 * <p>Registered by {@link LlmBench} on the class (settings from its attributes), or
 * programmatically, e.g. to reach a {@code FakeLlmServer} whose port is known only at run time:
 * <pre class="code">{@code
 * static final FakeLlmServer SERVER = FakeLlmServer.start();
 * @RegisterExtension
 * static final LlmBenchExtension BENCH = LlmBenchExtension.builder()
 *         .model("ollama:fake").baseUrl(SERVER::ollamaUrl).suite("src/test/resources/hello.yaml").build();
 * }</pre>
 * Either way the settings can be overridden with {@code llmbench.*} configuration parameters,
 * system properties or {@code LLMBENCH_*} environment variables (see {@link LlmBench}).
 *
 * <h2>Lifecycle</h2>
 * The benchmark runs in {@code beforeAll}. Its result is kept in the class's
 * {@link ExtensionContext.Store} under the effective settings, so {@code @Nested} classes with the
 * same settings reuse it instead of running again. Each run writes its own directory,
 * {@code <out>/<test class>/<timestamp>-<random>} ({@code out} defaults to
 * {@code target/llmbench}), with {@code result.json}, {@code report.md} and the journal. A
 * configuration problem (unknown provider, suite or grader; a bad suite file) fails every test of
 * the class with its one-line message; a failed request is data, recorded in the result, and it is
 * the assertions that decide whether the model is good enough.
 *
 * <p>Thread-safe: the instance holds only immutable settings.
 *
 * @since 0.1
 */
public final class LlmBenchExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LlmBenchExtension.class);
    private static final String CURRENT = "settings";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Spec spec;

    /** The extension as {@link LlmBench} registers it: settings from the annotation. */
    public LlmBenchExtension() {
        this(null);
    }

    private LlmBenchExtension(Spec spec) {
        this.spec = spec;
    }

    /** A builder for programmatic registration with {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        BenchSettings settings = BenchSettings.resolve(spec != null ? spec : Spec.of(annotation(testClass)),
                context::getConfigurationParameter, System::getenv);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(CURRENT, settings);
        store.getOrComputeIfAbsent(settings, s -> run(settings, testClass), BenchResult.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == BenchResult.class || type == RunResult.class || type == ModelResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        BenchSettings settings = store.get(CURRENT, BenchSettings.class);
        BenchResult result = settings == null ? null : store.get(settings, BenchResult.class);
        if (result == null) {
            throw new org.junit.jupiter.api.extension.ParameterResolutionException(
                    "no llmbench result: the benchmark runs in beforeAll of an @LlmBench class");
        }
        Class<?> type = parameter.getParameter().getType();
        return type == RunResult.class ? result.run() : type == ModelResult.class ? result.model() : result;
    }

    private static BenchResult run(BenchSettings s, Class<?> testClass) {
        ServiceRegistry registry = ServiceRegistry.discover();
        if (!s.baseUrl().isEmpty()) {
            registry = BaseUrlProviderFactory.registry(registry, ModelSpec.parse(s.model()).provider(), s.baseUrl());
        }
        SuiteFiles.Selection selection = SuiteFiles.select(s.suite(), registry);
        Path dir = Path.of(s.out(), testClass.getName(), STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000)));
        Options.Builder b = Options.builder().model(s.model()).suite(selection.suiteId()).trials(s.trials())
                .warmup(s.warmup()).concurrency(s.concurrency()).seed(s.seed()).requestTimeout(s.timeout())
                .outputDir(dir).formats(EnumSet.of(ResultFormatType.JSON, ResultFormatType.MARKDOWN));
        if (!s.tests().isBlank()) {
            b.include(s.tests());
        }
        if (!s.exclude().isBlank()) {
            b.exclude(s.exclude());
        }
        AtomicReference<Path> runDir = new AtomicReference<>(dir.toAbsolutePath());
        RunResult result = Runner.builder(b.build()).registry(selection.registry()).listener(new RunListener() {
            @Override
            public void runStarted(Path d, long total, long alreadyDone) {
                runDir.set(d);
            }
        }).build().run();
        return new BenchResult(result, runDir.get());
    }

    private static LlmBench annotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<LlmBench> a = AnnotationSupport.findAnnotation(c, LlmBench.class);
            if (a.isPresent()) {
                return a.get();
            }
        }
        throw new org.junit.platform.commons.PreconditionViolationException("LlmBenchExtension on " + testClass.getName()
                + " needs @LlmBench on the class, or registration with @RegisterExtension and LlmBenchExtension.builder()");
    }

    /**
     * Builds an extension for {@code @RegisterExtension}; defaults as in {@link LlmBench}. Not
     * thread-safe.
     */
    public static final class Builder {
        private String model = "";
        private String suite = "standard";
        private String tests = "";
        private String exclude = "";
        private int trials = 3;
        private int warmup = 1;
        private int concurrency = 1;
        private long seed = 42L;
        private String timeout = "5m";
        private Supplier<String> baseUrl = () -> "";
        private String out = "";

        private Builder() {}

        /** The model spec, e.g. {@code ollama:llama3.2}. @see LlmBench#model() */
        public Builder model(String spec) {
            this.model = Checks.notBlank(spec, "model");
            return this;
        }

        /** A suite or test id, or a suite file path. @see LlmBench#suite() */
        public Builder suite(String suiteOrFile) {
            this.suite = Checks.notBlank(suiteOrFile, "suite");
            return this;
        }

        /** Runs only tests whose id matches. @see LlmBench#tests() */
        public Builder tests(String regex) {
            this.tests = Checks.notNull(regex, "tests");
            return this;
        }

        /** Skips tests whose id matches. @see LlmBench#exclude() */
        public Builder exclude(String regex) {
            this.exclude = Checks.notNull(regex, "exclude");
            return this;
        }

        /** Measured trials per case. @see LlmBench#trials() */
        public Builder trials(int n) {
            this.trials = n;
            return this;
        }

        /** Warmup requests. @see LlmBench#warmup() */
        public Builder warmup(int n) {
            this.warmup = n;
            return this;
        }

        /** Requests in flight. @see LlmBench#concurrency() */
        public Builder concurrency(int n) {
            this.concurrency = n;
            return this;
        }

        /** The run's seed. @see LlmBench#seed() */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The time allowed per request, e.g. {@code 30s}. @see LlmBench#timeout() */
        public Builder timeout(String duration) {
            this.timeout = Checks.notBlank(duration, "timeout");
            return this;
        }

        /** A fixed base URL. @see LlmBench#baseUrl() */
        public Builder baseUrl(String url) {
            Checks.notNull(url, "url");
            return baseUrl(() -> url);
        }

        /** A base URL read when the benchmark starts, e.g. {@code server::ollamaUrl}. */
        public Builder baseUrl(Supplier<String> url) {
            this.baseUrl = Checks.notNull(url, "url");
            return this;
        }

        /** The root directory of run directories. @see LlmBench#out() */
        public Builder out(String dir) {
            this.out = Checks.notNull(dir, "out");
            return this;
        }

        /** The extension; settings are validated when the benchmark starts. */
        public LlmBenchExtension build() {
            return new LlmBenchExtension(new Spec(model, suite, tests, exclude, trials, warmup, concurrency, seed,
                    timeout, baseUrl, out));
        }
    }
}
