package dev.llmbench.core.runner;

import dev.llmbench.core.BenchConfigurationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Result files a run can write into its directory. docs/REPORTS.md describes each one.
 *
 * @since 0.1
 */
public enum ResultFormatType {
    /** {@code result.json}, schema {@code llmbench.result/v1}. */
    JSON("json", "result.json"),
    /** {@code report.md}: leaderboard and per-test tables. */
    MARKDOWN("md", "report.md"),
    /** {@code summary.txt}: the console table. */
    TEXT("txt", "summary.txt"),
    /** {@code report.html}: one self-contained page with tables, charts and every response. */
    HTML("html", "report.html"),
    /** {@code trials.csv} (one row per trial) and {@code tests.csv} (one row per test × model). */
    CSV("csv", "trials.csv", "tests.csv"),
    /** {@code junit.xml}: a test suite per model, a test case per test, for CI systems. */
    JUNIT("junit", "junit.xml"),
    /** {@code histograms/<model>-<metric>.hlog}: HdrHistogram interval logs, one per model × metric. */
    HLOG("hlog", "histograms");

    private final String id;
    private final List<String> fileNames;

    ResultFormatType(String id, String... fileNames) {
        this.id = id;
        this.fileNames = List.of(fileNames);
    }

    /** The id used on the command line, e.g. {@code md}. */
    public String id() {
        return id;
    }

    /**
     * The file written into the run directory; for {@link #CSV} the first of its two files, for
     * {@link #HLOG} the directory that holds its files.
     */
    public String fileName() {
        return fileNames.get(0);
    }

    /**
     * Every file (or, for {@link #HLOG}, directory) this format writes into the run directory,
     * relative to it; never empty.
     */
    public List<String> fileNames() {
        return fileNames;
    }

    /**
     * The format with this id: {@code json}, {@code md} (or {@code markdown}), {@code txt},
     * {@code html}, {@code csv}, {@code junit}, {@code hlog}; case and surrounding blanks are ignored.
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
