package dev.llmbench.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.ResultReader;
import dev.llmbench.core.results.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * One file given to {@code compare}, read into llmbench's result model. Immutable and thread-safe.
 *
 * @param provenance its format, path and the figures it lacks; never null
 * @param result     its models and results (a seed file becomes one model); never null
 * @param seed       the seed file as written, for a seed file
 * @since 0.1
 */
public record ComparedFile(Provenance provenance, RunResult result, Optional<SeedFile> seed) {
    /** Validates the components. */
    public ComparedFile {
        Checks.notNull(provenance, "provenance");
        Checks.notNull(result, "result");
        Checks.notNull(seed, "seed");
    }

    /**
     * Reads an llmbench result ({@code result.json}, or a run directory holding one) or a seed
     * harness result file, telling them apart by content: a {@code schema} field means llmbench.
     *
     * @throws BenchConfigurationException naming the file when it is JSON but neither kind, or an
     *         llmbench document of another schema version
     * @throws BenchRunException naming the file when it cannot be read, is not JSON or is malformed
     */
    public static ComparedFile read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("result.json") : path;
        JsonNode root = ResultReader.readTree(file);
        if (root.has("schema")) {
            return new ComparedFile(new Provenance(Provenance.Format.LLMBENCH, file, Set.of()),
                    ResultReader.read(root, file.toString()), Optional.empty());
        }
        if (SeedReader.looksLikeSeed(root)) {
            SeedFile seed = SeedReader.read(root, file);
            return new ComparedFile(new Provenance(Provenance.Format.SEED, file, Provenance.SEED_MISSING),
                    SeedMapping.toRunResult(seed), Optional.of(seed));
        }
        throw new BenchConfigurationException(file + " is neither an llmbench result (\"schema\": \""
                + RunResult.SCHEMA + "\") nor a seed harness result (\"model\" and \"results\")");
    }
}
