package dev.llmbench.testkit.junit;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The effective settings of one {@link LlmBench} run: the {@link Spec} with overrides applied.
 * Two classes with equal settings share one run. Immutable and thread-safe.
 *
 * @param baseUrl the provider base URL, or empty for its default
 * @param out     the root under which run directories are created
 */
record BenchSettings(String model, String suite, String tests, String exclude, int trials, int warmup,
        int concurrency, long seed, Duration timeout, String baseUrl, String out) {
    /** The prefix of configuration parameters and system properties. */
    static final String PREFIX = "llmbench.";
    /** The prefix of environment variables. */
    static final String ENV_PREFIX = "LLMBENCH_";
    /** Where runs go by default (relative to the working directory: the module under Maven). */
    static final String DEFAULT_OUT = "target/llmbench";

    /**
     * Applies overrides to {@code spec}.
     *
     * @param config reads a JUnit configuration parameter (which includes system properties)
     * @param env    reads an environment variable (null when unset)
     * @throws BenchConfigurationException naming the setting for a value that is not valid
     */
    static BenchSettings resolve(Spec spec, Function<String, Optional<String>> config, UnaryOperator<String> env) {
        Function<String, Optional<String>> o = name -> config.apply(PREFIX + name)
                .or(() -> Optional.ofNullable(env.apply(ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_'))))
                .map(String::strip);
        String model = o.apply("model").orElse(spec.model()).strip();
        if (model.isEmpty()) {
            throw new BenchConfigurationException("@LlmBench needs a model: set model = \"sim:oracle\" (for example)"
                    + " or -D" + PREFIX + "model=provider:model");
        }
        String timeout = o.apply("timeout").orElse(spec.timeout());
        Duration d;
        try {
            d = Durations.parse(timeout);
        } catch (IllegalArgumentException e) {
            throw new BenchConfigurationException("@LlmBench timeout \"" + timeout + "\" is not a duration such as"
                    + " 30s, 5m or PT30S", e);
        }
        String baseUrl = o.apply("base-url").orElseGet(() -> {
            String s = spec.baseUrl().get();
            return s == null ? "" : s.strip();
        });
        return new BenchSettings(model, o.apply("suite").orElse(spec.suite()), o.apply("tests").orElse(spec.tests()),
                o.apply("exclude").orElse(spec.exclude()), integer(o, "trials", spec.trials()),
                integer(o, "warmup", spec.warmup()), integer(o, "concurrency", spec.concurrency()),
                o.apply("seed").map(v -> parseLong("seed", v)).orElse(spec.seed()), d, baseUrl,
                o.apply("out").orElse(spec.out().isBlank() ? DEFAULT_OUT : spec.out()));
    }

    private static int integer(Function<String, Optional<String>> o, String name, int fallback) {
        return o.apply(name).map(v -> (int) parseLong(name, v)).orElse(fallback);
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BenchConfigurationException(PREFIX + name + " (\"" + value + "\") must be a whole number", e);
        }
    }
}
