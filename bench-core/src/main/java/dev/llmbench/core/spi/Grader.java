package dev.llmbench.core.spi;

import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;

/**
 * Grades one response. Created by a {@link GraderFactory} from a {@link GraderConfig}.
 *
 * <p>Contract: thread-safe and free of side effects (except graders that call a model). A wrong
 * answer is a failing {@link Grade} with itemised checks, never an exception; exceptions mean
 * misconfiguration or an infrastructure failure.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Grader {
    /** Grades the input; never returns null. */
    Grade grade(GradingInput input);
}
