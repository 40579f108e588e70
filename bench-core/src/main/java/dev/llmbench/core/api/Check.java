package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;

/**
 * One itemised check of a grade: what was expected, what the response had, and whether they
 * agree. Immutable and thread-safe.
 *
 * @param name     a short stable name, e.g. {@code "answer"}; never blank
 * @param passed   whether the check passed
 * @param weight   its weight in the grade; positive
 * @param expected what was expected, human-readable; never null
 * @param actual   what was found, human-readable and truncated by the grader; never null
 * @since 0.1
 */
public record Check(String name, boolean passed, double weight, String expected, String actual) {
    /** Validates the components. */
    public Check {
        Checks.notBlank(name, "name");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight (" + weight + ") must be positive");
        }
        Checks.notNull(expected, "expected");
        Checks.notNull(actual, "actual");
    }

    /** A check with weight 1. */
    public static Check of(String name, boolean passed, String expected, String actual) {
        return new Check(name, passed, 1.0, expected, actual);
    }

    /** A copy whose weight is multiplied by {@code factor} (for combining graders). */
    public Check scaled(double factor) {
        return new Check(name, passed, weight * factor, expected, actual);
    }
}
