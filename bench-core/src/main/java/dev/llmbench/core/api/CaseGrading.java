package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Grades a response to one case: applies each of the case's graders, scales each grader's checks
 * by its {@link GraderConfig#weight()} divided by the grader's own total check weight (so a grader
 * with many checks does not outweigh one with few), pools the checks, and passes the case when
 * the pooled score reaches the test's threshold.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CaseGrading {
    private CaseGrading() {}

    /**
     * Grades {@code response} for {@code testCase} of {@code test}.
     *
     * @param resolver turns a grader config into a grader (usually through the service registry)
     * @return the pooled grade; never null
     */
    public static Grade grade(BenchTest test, TestCase testCase, ChatResponse response,
            Function<GraderConfig, Grader> resolver) {
        Checks.notNull(response, "response");
        return grade(test, testCase, new GradingInput(test.id(), testCase, response), resolver);
    }

    /**
     * Grades a stored answer: a plain text answer, or for a tool-use case a {@link Transcript}
     * played against the case's tool handlers (as calibration responses and {@code llmbench grade}
     * files are written).
     */
    public static Grade gradeText(BenchTest test, TestCase testCase, String answer, Function<GraderConfig, Grader> resolver) {
        Checks.notNull(answer, "answer");
        java.util.Optional<Transcript> transcript = testCase.toolLoop().active() ? Transcript.parse(answer)
                : java.util.Optional.empty();
        if (transcript.isPresent()) {
            Transcript.Played p = transcript.get().play(testCase.toolLoop());
            return grade(test, testCase, new GradingInput(test.id(), testCase, p.response(), p.conversation()), resolver);
        }
        return grade(test, testCase, ChatResponse.ofText(answer), resolver);
    }

    /** Grades a full input (a multi-turn conversation included). */
    public static Grade grade(BenchTest test, TestCase testCase, GradingInput input,
            Function<GraderConfig, Grader> resolver) {
        Checks.notNull(test, "test");
        Checks.notNull(testCase, "testCase");
        Checks.notNull(input, "input");
        Checks.notNull(resolver, "resolver");
        List<Check> pooled = new ArrayList<>();
        for (GraderConfig config : testCase.graders()) {
            Grade g = resolver.apply(config).grade(input);
            double total = g.checks().stream().mapToDouble(Check::weight).sum();
            for (Check c : g.checks()) {
                pooled.add(c.scaled(config.weight() / total));
            }
        }
        return Grade.of(pooled, test.passThreshold());
    }
}
