package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;

/**
 * One significant worsening of a candidate against its baseline. Immutable and thread-safe.
 *
 * @param kind   what got worse; never null
 * @param test   the test id, or {@link #OVERALL} for the comparison over every common item
 * @param detail the figures, e.g. {@code score −0.40 [−0.55, −0.25]}; never null
 * @since 0.1
 */
public record Regression(Kind kind, String test, String detail) {
    /** The pseudo test id of the comparison over all common items. */
    public static final String OVERALL = "(overall)";

    /** What got worse. */
    public enum Kind {
        /** The paired 95% interval of the score difference (candidate − baseline) lies below 0. */
        SCORE,
        /** The mean latency is significantly and materially higher ({@link LatencyChange}). */
        LATENCY
    }

    /** Validates the components. */
    public Regression {
        Checks.notNull(kind, "kind");
        Checks.notBlank(test, "test");
        Checks.notNull(detail, "detail");
    }
}
