package dev.llmbench.core.results;

import dev.llmbench.core.internal.Checks;
import java.util.List;

/**
 * Everything a run produced. Immutable and thread-safe.
 *
 * @param run    facts about the run
 * @param models per-model results, in the order the models were given
 * @since 0.1
 */
public record RunResult(RunInfo run, List<ModelResult> models) {
    /** The value of the {@code schema} field of result files. */
    public static final String SCHEMA = "llmbench.result/v1";

    /** Validates the components and copies the list. */
    public RunResult {
        Checks.notNull(run, "run");
        models = List.copyOf(Checks.notNull(models, "models"));
    }
}
