package dev.llmbench.graders.text;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import java.util.List;

/**
 * The grader created by {@link ConstraintsGraderFactory}: one check per constraint, passed only
 * when all pass. Immutable and thread-safe.
 */
record ConstraintsGrader(List<Constraint> constraints) implements Grader {
    ConstraintsGrader {
        constraints = List.copyOf(constraints);
    }

    @Override
    public Grade grade(GradingInput input) {
        String text = input.text();
        List<Check> checks = constraints.stream().map(c -> c.check(text)).toList();
        return Grade.allOf(checks);
    }
}
