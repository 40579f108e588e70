package dev.llmbench.core.results;

import dev.llmbench.core.internal.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * Facts about a run. Immutable and thread-safe.
 *
 * @param id          the run id (also the default directory name)
 * @param startedAt   when the run started (the first session, for a resumed run)
 * @param finishedAt  when the result was assembled
 * @param version     the llmbench version
 * @param options     the options as stored ({@code Options.toMap()})
 * @param environment JVM, OS and CPU facts
 * @param wallTimeMs  measured wall time of the request phase in milliseconds, summed over sessions
 * @param simulated   whether every model was the offline simulator (no real model was measured)
 * @since 0.1
 */
public record RunInfo(
        String id,
        Instant startedAt,
        Instant finishedAt,
        String version,
        Map<String, Object> options,
        Map<String, Object> environment,
        long wallTimeMs,
        boolean simulated) {
    /** Validates the components; the maps are kept as given (they may hold JSON nulls). */
    public RunInfo {
        Checks.notBlank(id, "id");
        Checks.notNull(startedAt, "startedAt");
        Checks.notNull(finishedAt, "finishedAt");
        Checks.notNull(version, "version");
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Checks.notNull(options, "options")));
        environment = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(Checks.notNull(environment, "environment")));
    }
}
