package dev.llmbench.core.results;

import dev.llmbench.core.internal.Checks;
import java.util.List;

/**
 * One model's results. Immutable and thread-safe.
 *
 * @param model    the model spec, e.g. {@code sim:oracle}
 * @param provider the provider id
 * @param summary  the model's figures
 * @param tests    per-test results, in suite order
 * @since 0.1
 */
public record ModelResult(String model, String provider, ModelSummary summary, List<TestResult> tests) {
    /** Validates the components and copies the list. */
    public ModelResult {
        Checks.notBlank(model, "model");
        Checks.notBlank(provider, "provider");
        Checks.notNull(summary, "summary");
        tests = List.copyOf(Checks.notNull(tests, "tests"));
    }
}
