package dev.llmbench.jmh;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.runner.Defaults;
import dev.llmbench.core.runner.ModelSpec;
import java.time.Duration;

/**
 * What a {@link TrialDriver} measures: one model, one test of a suite, one case or all of them.
 * Immutable and thread-safe.
 *
 * @param model          the model spec, {@code provider:model}, e.g. {@code sim:oracle},
 *                       {@code ollama:gemma4:e4b}, {@code openrouter:minimax/minimax-m3}; never blank
 * @param suite          the suite the test belongs to, e.g. {@code standard}; never blank
 * @param test           the test id within the suite, e.g. {@code basic_reasoning}; never blank
 * @param caseId         the case id within the test, or {@value #ALL_CASES} to cycle through every
 *                       case in order; never blank
 * @param seed           the run seed from which per-trial seeds derive, as in an llmbench run
 * @param requestTimeout how long one request may take in total; between 1 ms and 24 h
 * @since 0.1
 */
public record TrialSettings(String model, String suite, String test, String caseId, long seed,
        Duration requestTimeout) {

    /** The case id that selects every case of the test, round robin. */
    public static final String ALL_CASES = "*";

    /**
     * Validates the components and strips surrounding whitespace from the strings.
     *
     * @throws BenchConfigurationException naming the setting when one is blank, the model spec is
     *         malformed, or the timeout is out of range
     */
    public TrialSettings {
        model = notBlank(model, "model");
        ModelSpec.parse(model);
        suite = notBlank(suite, "suite");
        test = notBlank(test, "test");
        caseId = notBlank(caseId, "caseId");
        if (requestTimeout == null || requestTimeout.toMillis() < 1 || requestTimeout.compareTo(Duration.ofHours(24)) > 0) {
            throw new BenchConfigurationException("requestTimeout (" + requestTimeout + ") must be between 1 ms and 24 h");
        }
    }

    /**
     * Every case of {@code test} in the {@link Defaults#SUITE standard} suite, with the default
     * seed and request timeout.
     */
    public static TrialSettings of(String model, String test) {
        return new TrialSettings(model, Defaults.SUITE, test, ALL_CASES, Defaults.SEED, Defaults.REQUEST_TIMEOUT);
    }

    /** A copy that measures only the case {@code id} (or every case for {@value #ALL_CASES}). */
    public TrialSettings withCase(String id) {
        return new TrialSettings(model, suite, test, id, seed, requestTimeout);
    }

    /** A copy with another run seed. */
    public TrialSettings withSeed(long newSeed) {
        return new TrialSettings(model, suite, test, caseId, newSeed, requestTimeout);
    }

    /** A copy with another request timeout. */
    public TrialSettings withRequestTimeout(Duration timeout) {
        return new TrialSettings(model, suite, test, caseId, seed, timeout);
    }

    private static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new BenchConfigurationException(name + " must not be blank");
        }
        return value.strip();
    }
}
