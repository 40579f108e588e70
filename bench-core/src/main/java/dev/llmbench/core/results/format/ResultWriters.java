package dev.llmbench.core.results.format;

import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.internal.AtomicFiles;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.runner.ResultFormatType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes result files into a run directory, each atomically (temporary file, then rename).
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ResultWriters {
    private ResultWriters() {}

    /** The content of one format. */
    public static String render(RunResult result, ResultFormatType type) {
        return switch (type) {
            case JSON -> JsonResultWriter.write(result);
            case MARKDOWN -> MarkdownReport.write(result);
            case TEXT -> TextTable.write(result);
        };
    }

    /**
     * Writes each format into {@code dir} under its {@link ResultFormatType#fileName()}.
     *
     * @throws BenchRunException when a file cannot be written
     */
    public static void writeAll(RunResult result, Path dir, Set<ResultFormatType> types) {
        for (ResultFormatType type : ResultFormatType.values()) {
            if (!types.contains(type)) {
                continue;
            }
            Path file = dir.resolve(type.fileName());
            try {
                AtomicFiles.write(file, render(result, type));
            } catch (IOException e) {
                throw new BenchRunException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
