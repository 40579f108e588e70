package dev.llmbench.core.suitefile;

import dev.llmbench.core.BenchConfigurationException;

/**
 * A suite file that cannot be used: unreadable, not valid YAML or JSON, or invalid as a suite. The
 * message is one line in the compiler's form {@code file:line: field: problem}, for example
 * {@code my-suite.yaml:14: tests[1].cases[0].graders[0].grader: unknown grader "numerc"; known: …}.
 *
 * <p>Raised before any request is sent; the CLI prints it and exits with code 2. Immutable.
 *
 * @since 0.1
 */
public final class SuiteFileException extends BenchConfigurationException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    /**
     * Creates the exception.
     *
     * @param file    the file as the user named it; never null
     * @param line    the 1-based line the problem is on, or 0 when it concerns the whole file
     * @param field   the path of the field, e.g. {@code tests[1].cases[0].prompt}, or empty
     * @param problem what is wrong, one line
     * @param cause   the underlying exception, or null
     */
    SuiteFileException(String file, int line, String field, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** The path of the offending field, e.g. {@code tests[1].cases[0].prompt}; empty for the whole file. */
    public String field() {
        return field;
    }
}
