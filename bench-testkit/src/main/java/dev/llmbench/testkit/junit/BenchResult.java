package dev.llmbench.testkit.junit;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The benchmark of one model that {@link LlmBenchExtension} ran for a test class, injected into
 * test methods (and constructors and lifecycle methods) that declare a parameter of this type.
 * Check it with {@link LlmAssertions#assertThat(BenchResult)}. Immutable and thread-safe.
 *
 * @param run    everything the run produced (one model)
 * @param runDir the run directory: {@code result.json}, {@code report.md}, the journal
 * @since 0.1
 */
public record BenchResult(RunResult run, Path runDir) {
    /** Validates the components. */
    public BenchResult {
        Checks.notNull(run, "run");
        Checks.notNull(runDir, "runDir");
        if (run.models().size() != 1) {
            throw new IllegalArgumentException("a BenchResult holds one model, not " + run.models().size());
        }
    }

    /** The model's results. */
    public ModelResult model() {
        return run.models().get(0);
    }

    /** The model spec, e.g. {@code sim:oracle}. */
    public String modelSpec() {
        return model().model();
    }

    /** The result of test {@code id}, when it ran. */
    public Optional<TestResult> test(String id) {
        return model().tests().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The Markdown report with every trial and its failing checks. */
    public Path report() {
        return runDir.resolve("report.md");
    }
}
