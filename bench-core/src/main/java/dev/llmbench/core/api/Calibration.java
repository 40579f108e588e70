package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;
import java.util.List;

/**
 * Known responses for a case: references that must pass its graders and bad responses that must
 * fail them. Calibration makes a grader trustworthy: tests enforce it, and the offline simulator
 * ({@code sim:oracle}) streams the first reference. Immutable and thread-safe.
 *
 * @param passing responses that must pass; the first is the reference; never null
 * @param failing responses that must fail; never null
 * @since 0.1
 */
public record Calibration(List<String> passing, List<String> failing) {
    /** No calibration (allowed for user tests, not for the built-in suite). */
    public static final Calibration NONE = new Calibration(List.of(), List.of());

    /** Validates the components and copies the lists. */
    public Calibration {
        passing = List.copyOf(Checks.notNull(passing, "passing"));
        failing = List.copyOf(Checks.notNull(failing, "failing"));
    }

    /** A calibration with one reference and some failing responses. */
    public static Calibration of(String reference, String... failing) {
        return new Calibration(List.of(reference), List.of(failing));
    }

    /** The reference response, or empty when there is none. */
    public java.util.Optional<String> reference() {
        return passing.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(passing.get(0));
    }
}
