package dev.llmbench.core.results.format;

import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.internal.AtomicFiles;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.runner.ResultFormatType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders result formats and writes them into a run directory, each file atomically (temporary
 * file, then rename). Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ResultWriters {
    private ResultWriters() {}

    /**
     * The content of a single-file format ({@code json}, {@code md}, {@code txt}, {@code html},
     * {@code junit}).
     *
     * @throws IllegalArgumentException for a format that writes several files ({@code csv},
     *                                  {@code hlog}); use {@link #files}
     */
    public static String render(RunResult result, ResultFormatType type) {
        return switch (type) {
            case JSON -> JsonResultWriter.write(result);
            case MARKDOWN -> MarkdownReport.write(result);
            case TEXT -> TextTable.write(result);
            case HTML -> HtmlReport.write(result);
            case JUNIT -> JunitReport.write(result);
            case CSV, HLOG -> throw new IllegalArgumentException(
                    "format " + type.id() + " writes several files; use ResultWriters.files");
        };
    }

    /**
     * Every file of one format: path relative to the run directory ({@code /}-separated) → UTF-8
     * text, in writing order. {@code hlog} yields one entry per model × recorded metric under
     * {@code histograms/}, none for a run without histograms.
     */
    public static Map<String, String> files(RunResult result, ResultFormatType type) {
        Map<String, String> files = new LinkedHashMap<>();
        switch (type) {
            case CSV -> {
                files.put("trials.csv", CsvReport.trials(result));
                files.put("tests.csv", CsvReport.tests(result));
            }
            case HLOG -> files.putAll(HistogramLogFiles.write(result));
            default -> files.put(type.fileName(), render(result, type));
        }
        return files;
    }

    /**
     * Writes each format's files into {@code dir} (see {@link #files}), creating subdirectories.
     *
     * @throws BenchRunException when a file cannot be written
     */
    public static void writeAll(RunResult result, Path dir, Set<ResultFormatType> types) {
        for (ResultFormatType type : ResultFormatType.values()) {
            if (!types.contains(type)) {
                continue;
            }
            for (Map.Entry<String, String> f : files(result, type).entrySet()) {
                Path file = dir.resolve(f.getKey());
                try {
                    AtomicFiles.write(file, f.getValue());
                } catch (IOException e) {
                    throw new BenchRunException("cannot write " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
