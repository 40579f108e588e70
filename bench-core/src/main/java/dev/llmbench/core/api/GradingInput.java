package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatResponse;

/**
 * What a grader sees. Immutable and thread-safe.
 *
 * @param testId   the test's id; never blank
 * @param testCase the case; never null
 * @param response the model's response; never null
 * @since 0.1
 */
public record GradingInput(String testId, TestCase testCase, ChatResponse response) {
    /** Validates the components. */
    public GradingInput {
        Checks.notBlank(testId, "testId");
        Checks.notNull(testCase, "testCase");
        Checks.notNull(response, "response");
    }

    /** The response's visible text. */
    public String text() {
        return response.text();
    }
}
