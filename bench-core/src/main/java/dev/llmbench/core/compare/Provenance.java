package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a compared result came from: its format, its file, and the figures that format lacks.
 * Immutable and thread-safe.
 *
 * @param format  the file's format; never null
 * @param file    the file as given (a run directory resolves to its {@code result.json}); never null
 * @param missing the figures the file cannot provide; never null, may be empty
 * @since 0.1
 */
public record Provenance(Format format, Path file, Set<Figure> missing) {
    /** The formats {@code compare} reads. */
    public enum Format {
        /** An {@code llmbench.result/v1} document. */
        LLMBENCH("llmbench"),
        /** A result file of the seed harness (shared/docs/SEED-HARNESS.md, section 7). */
        SEED("seed");

        private final String id;

        Format(String id) {
            this.id = id;
        }

        /** {@code llmbench} or {@code seed}. */
        public String id() {
            return id;
        }
    }

    /** The figures a seed harness file lacks. */
    public static final Set<Figure> SEED_MISSING = Set.copyOf(EnumSet.allOf(Figure.class));

    /** Validates the components and copies the set. */
    public Provenance {
        Checks.notNull(format, "format");
        Checks.notNull(file, "file");
        missing = Set.copyOf(Checks.notNull(missing, "missing"));
    }

    /** Whether the source lacks {@code figure}. */
    public boolean lacks(Figure figure) {
        return missing.contains(figure);
    }

    /** What a table prints for a figure this source lacks: {@code — (seed file has no CI)}. */
    public String absent(Figure figure) {
        return lacks(figure) ? "— (" + format.id() + " file has no " + figure.noun() + ")" : "—";
    }
}
