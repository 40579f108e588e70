package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;
import java.nio.file.Path;
import java.util.List;

/**
 * A seed harness result file as written (SEED-HARNESS.md, section 7), with its top-level figures
 * recomputed from {@code results[]} by the seed's rules. Immutable and thread-safe.
 *
 * @param file        where it was read from; never null
 * @param model       {@code model}: the seed's config key, e.g. {@code openrouter-foo-7b}; never blank
 * @param environment {@code environment}, e.g. {@code warm}; never null
 * @param timestamp   {@code timestamp} as written (local time of the machine, no zone); never null
 * @param written     the top-level figures as written; a figure the file lacks is NaN or -1
 * @param recomputed  the same figures computed from {@code results} with {@link #summation()}
 * @param summation   the float summation that reproduces the file exactly, or {@code NAIVE} when
 *                    neither does (then {@link #differences()} is not empty)
 * @param results     {@code results}, in file order
 * @since 0.1
 */
public record SeedFile(
        Path file,
        String model,
        String environment,
        String timestamp,
        SeedFigures written,
        SeedFigures recomputed,
        SeedFigures.Summation summation,
        List<SeedResult> results) {

    /** Validates the components and copies the list. */
    public SeedFile {
        Checks.notNull(file, "file");
        Checks.notBlank(model, "model");
        Checks.notNull(environment, "environment");
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(written, "written");
        Checks.notNull(recomputed, "recomputed");
        Checks.notNull(summation, "summation");
        results = List.copyOf(Checks.notNull(results, "results"));
    }

    /**
     * Where the file's own figures differ from those recomputed from its results; empty when the
     * file is reproduced exactly (what a file written by the seed harness gives).
     */
    public List<String> differences() {
        return recomputed.differencesFrom(written);
    }

    /**
     * The figure to show for the seed's own numbers: the file's value where it has one, else the
     * recomputed one.
     */
    public SeedFigures shown() {
        SeedFigures w = written;
        SeedFigures r = recomputed;
        return new SeedFigures(w.totalTests() >= 0 ? w.totalTests() : r.totalTests(),
                w.passed() >= 0 ? w.passed() : r.passed(), w.failed() >= 0 ? w.failed() : r.failed(),
                w.errors() >= 0 ? w.errors() : r.errors(), or(w.avgScore(), r.avgScore()),
                or(w.avgTtftMs(), r.avgTtftMs()), or(w.avgTotalTimeMs(), r.avgTotalTimeMs()),
                or(w.totalRuntimeMs(), r.totalRuntimeMs()), or(w.reliability(), r.reliability()),
                or(w.overallScore(), r.overallScore()));
    }

    private static double or(double a, double b) {
        return Double.isNaN(a) ? b : a;
    }
}
