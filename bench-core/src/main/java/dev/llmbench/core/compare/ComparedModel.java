package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.ModelResult;
import java.util.Optional;

/**
 * One model of one compared file, with the label every output uses for it. Immutable and
 * thread-safe.
 *
 * @param label      the model spec, or {@code file:model} when the same spec appears in several
 *                   files (the file part is the shortest path suffix that tells them apart)
 * @param result     the model's results; never null
 * @param provenance the file it came from and the figures that file lacks; never null
 * @param seed       the seed file as written, for a model from a seed harness file
 * @since 0.1
 */
public record ComparedModel(String label, ModelResult result, Provenance provenance, Optional<SeedFile> seed) {
    /** Validates the components. */
    public ComparedModel {
        Checks.notBlank(label, "label");
        Checks.notNull(result, "result");
        Checks.notNull(provenance, "provenance");
        Checks.notNull(seed, "seed");
    }
}
