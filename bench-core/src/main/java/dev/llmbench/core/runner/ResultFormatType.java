package dev.llmbench.core.runner;

import dev.llmbench.core.BenchConfigurationException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Result files a run can write into its directory.
 *
 * @since 0.1
 */
public enum ResultFormatType {
    /** {@code result.json}, schema {@code llmbench.result/v1}. */
    JSON("json", "result.json"),
    /** {@code report.md}: leaderboard and per-test tables. */
    MARKDOWN("md", "report.md"),
    /** {@code summary.txt}: the console table. */
    TEXT("txt", "summary.txt");

    private final String id;
    private final String fileName;

    ResultFormatType(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    /** The id used on the command line, e.g. {@code md}. */
    public String id() {
        return id;
    }

    /** The file written into the run directory. */
    public String fileName() {
        return fileName;
    }

    /**
     * The format with this id ({@code json}, {@code md}/{@code markdown}, {@code txt}).
     *
     * @throws BenchConfigurationException listing the known ids
     */
    public static ResultFormatType fromId(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT);
        if (s.equals("markdown")) {
            return MARKDOWN;
        }
        for (ResultFormatType t : values()) {
            if (t.id.equals(s)) {
                return t;
            }
        }
        throw new BenchConfigurationException("unknown result format \"" + id + "\"; known: "
                + String.join(", ", Arrays.stream(values()).map(ResultFormatType::id).toList()));
    }
}
