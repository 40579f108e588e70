package dev.llmbench.core.compare;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The outputs {@code compare} can write.
 *
 * @since 0.1
 */
public enum CompareFormat {
    /** {@code compare.txt}: the console tables. */
    TEXT("txt", "compare.txt"),
    /** {@code compare.md}: Markdown tables. */
    MARKDOWN("md", "compare.md"),
    /** {@code compare.json}: schema {@code llmbench.compare/v1}. */
    JSON("json", "compare.json"),
    /**
     * {@code compare.html}: the tables as one self-contained page; written with
     * {@value CompareHtml#MODELS_FILE} (charts and every trial) beside it.
     */
    HTML("html", "compare.html");

    private final String id;
    private final String fileName;

    CompareFormat(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    /** The id used on the command line. */
    public String id() {
        return id;
    }

    /** The file written into the output directory. */
    public String fileName() {
        return fileName;
    }

    /** The content of this format for {@code c}. */
    public String render(Comparison c) {
        return switch (this) {
            case TEXT -> CompareText.text(c);
            case MARKDOWN -> CompareText.markdown(c);
            case JSON -> CompareJson.write(c);
            case HTML -> CompareHtml.write(c);
        };
    }

    /**
     * Writes each format into {@code dir} atomically (temporary file, then rename) and returns the
     * files written, in format order; {@link #HTML} also writes {@value CompareHtml#MODELS_FILE}.
     *
     * @throws BenchRunException naming the file when one cannot be written
     */
    public static List<Path> writeAll(Comparison c, Path dir, Set<CompareFormat> formats) {
        List<Path> written = new ArrayList<>();
        for (CompareFormat f : values()) {
            if (!formats.contains(f)) {
                continue;
            }
            write(dir.resolve(f.fileName()), f.render(c), written);
            if (f == HTML) {
                write(dir.resolve(CompareHtml.MODELS_FILE), CompareHtml.models(c), written);
            }
        }
        return written;
    }

    private static void write(Path file, String content, List<Path> written) {
        try {
            AtomicFiles.write(file, content);
            written.add(file);
        } catch (IOException e) {
            throw new BenchRunException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The format with this id: {@code txt} (or {@code text}), {@code md} (or {@code markdown}),
     * {@code json}, {@code html}; case and surrounding blanks are ignored.
     *
     * @throws BenchConfigurationException listing the known ids
     */
    public static CompareFormat fromId(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "text" -> {
                return TEXT;
            }
            case "markdown" -> {
                return MARKDOWN;
            }
            default -> {
                for (CompareFormat f : values()) {
                    if (f.id.equals(s)) {
                        return f;
                    }
                }
            }
        }
        throw new BenchConfigurationException("unknown compare format \"" + id + "\"; known: "
                + String.join(", ", Arrays.stream(values()).map(CompareFormat::id).toList()));
    }
}
