package dev.llmbench.graders.code;

import dev.llmbench.core.internal.Checks;

/**
 * The outcome of one hidden test as reported by the harness inside the sandbox. Immutable and
 * thread-safe.
 *
 * @param name    the test's name; never blank
 * @param passed  whether the test passed
 * @param message why it failed (assertion message, exception, timeout), or how long it took when it
 *                passed (e.g. {@code in 12 ms}); never null
 * @since 0.1
 */
public record TestResult(String name, boolean passed, String message) {
    /** Validates the components. */
    public TestResult {
        Checks.notBlank(name, "name");
        Checks.notNull(message, "message");
    }
}
