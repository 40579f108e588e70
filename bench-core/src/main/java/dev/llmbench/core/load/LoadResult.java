package dev.llmbench.core.load;

import dev.llmbench.core.internal.Checks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a load run: one {@link LoadSummary} per model, in the order the models ran.
 * Immutable and thread-safe.
 *
 * @param id         the run id (also the default directory name)
 * @param dir        the run directory holding {@code load.json}, {@code load.md}, {@code requests.jsonl}
 * @param startedAt  wall-clock start
 * @param finishedAt wall-clock end
 * @param version    the llmbench version
 * @param options    the run's options that apply to load runs, JSON-friendly
 * @param spec       how every model was driven
 * @param env        the JVM and machine
 * @param models     one summary per model
 * @param simulated  whether every model was the offline simulator
 * @since 0.1
 */
public record LoadResult(String id, Path dir, Instant startedAt, Instant finishedAt, String version,
        Map<String, Object> options, LoadSpec spec, Map<String, Object> env, List<LoadSummary> models,
        boolean simulated) {
    /** The schema id written into {@code load.json}: {@value}. */
    public static final String SCHEMA = "llmbench.load/v1";

    /** Copies the collections. */
    public LoadResult {
        Checks.notNull(id, "id");
        Checks.notNull(dir, "dir");
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        models = List.copyOf(models);
    }
}
