package dev.llmbench.graders.internal;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.GraderConfig;
import java.util.Optional;

/**
 * Eager validation of grader parameters, with one-line actionable messages that name the grader
 * and the parameter.
 *
 * <p><b>Not API.</b> Stateless and thread-safe.
 */
public final class Params {
    private Params() {}

    /** A configuration error for {@code config}'s grader: {@code grader 'id': message}. */
    public static BenchConfigurationException error(GraderConfig config, String message) {
        return new BenchConfigurationException("grader '" + config.graderId() + "': " + message);
    }

    /**
     * The non-negative integer parameter {@code name} when set.
     *
     * @throws BenchConfigurationException when it is not an integer or is negative
     */
    public static Optional<Integer> nonNegativeInt(GraderConfig config, String name) {
        Optional<Integer> i = config.optInt(name);
        if (i.isPresent() && i.get() < 0) {
            throw error(config, "parameter '" + name + "' must be non-negative, got " + i.get());
        }
        return i;
    }

    /** Shortens {@code s} to at most {@code max} characters for a check's expected/actual text. */
    public static String clip(String s, int max) {
        String oneLine = s.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
