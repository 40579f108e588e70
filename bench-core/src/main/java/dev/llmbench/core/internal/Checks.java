package dev.llmbench.core.internal;

import java.util.Objects;

/**
 * Argument checks shared by builders and record constructors.
 *
 * <p><b>Not API:</b> this package is internal to llmbench and may change without notice.
 * Every method throws {@link IllegalArgumentException} (or {@link NullPointerException} for
 * nulls) with a message that names the parameter and its offending value.
 *
 * <p>Stateless and thread-safe.
 */
public final class Checks {
    private Checks() {}

    /** Returns {@code value} or throws a {@link NullPointerException} naming {@code name}. */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** Returns {@code value} unless it is null or blank. */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Returns {@code value} when it is {@code >= 0}. */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must be non-negative");
        }
        return value;
    }

    /** Returns {@code value} when it is {@code >= 0}. */
    public static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must be non-negative");
        }
        return value;
    }

    /** Returns {@code value} when it is {@code > 0}. */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must be positive");
        }
        return value;
    }

    /** Returns {@code value} when it is finite and within {@code [min, max]}. */
    public static double inRange(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    name + " (" + value + ") must be between " + min + " and " + max);
        }
        return value;
    }

    /** Returns {@code percentile} when it lies on the product's one scale, 0 to 100 inclusive. */
    public static double percentile(double percentile, String name) {
        return inRange(percentile, 0.0, 100.0, name + " (percentile, 0-100)");
    }

    /** Returns {@code id} when it is a lowercase identifier: letters, digits, '.', '_', '-'. */
    public static String id(String id, String name) {
        notBlank(id, name);
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException(
                    name + " (\"" + id + "\") must be lowercase letters, digits, '.', '_' or '-'");
        }
        return id;
    }
}
