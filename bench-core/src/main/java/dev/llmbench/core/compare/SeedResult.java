package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;

/**
 * One item of a seed harness file's {@code results} list (SEED-HARNESS.md, section 7), as
 * written. Fields a status does not carry are 0, false or empty. Immutable and thread-safe.
 *
 * @param testId            {@code test_id}; never blank
 * @param testName          {@code test_name}; never null
 * @param status            {@code status}; never null
 * @param score             {@code score} of a success, in [0, 1]; 0 otherwise
 * @param passed            {@code passed} of a success; false otherwise
 * @param ttftMs            {@code time_to_first_token_ms} as written (0 for an exception), milliseconds
 * @param totalTimeMs       {@code total_time_ms} as written, milliseconds
 * @param tokensGenerated   {@code tokens_generated} of a success (Ollama's count or characters/4)
 * @param tokensPerSecond   {@code tokens_per_second} of a success; NaN when absent
 * @param error             {@code error} of an error or exception; empty otherwise
 * @param timeout           {@code timeout} of an error: total time reached the test's timeout
 * @param responsePreview   {@code response_preview}: the first 500 characters (untrusted model output)
 * @param details           {@code evaluation_details}; never null
 * @since 0.1
 */
public record SeedResult(
        String testId,
        String testName,
        Status status,
        double score,
        boolean passed,
        double ttftMs,
        double totalTimeMs,
        long tokensGenerated,
        double tokensPerSecond,
        String error,
        boolean timeout,
        String responsePreview,
        String details) {

    /** The seed's result statuses. */
    public enum Status {
        /** The model answered and was graded. */
        SUCCESS,
        /** The provider returned an error. */
        ERROR,
        /** An exception escaped the provider call. */
        EXCEPTION
    }

    /** Validates the components. */
    public SeedResult {
        Checks.notBlank(testId, "testId");
        Checks.notNull(testName, "testName");
        Checks.notNull(status, "status");
        Checks.inRange(score, 0.0, 1.0, "score");
        Checks.notNull(error, "error");
        Checks.notNull(responsePreview, "responsePreview");
        Checks.notNull(details, "details");
        if (!(ttftMs >= 0) || !(totalTimeMs >= 0)) {
            throw new IllegalArgumentException("times must be non-negative, got ttft " + ttftMs + " ms, total "
                    + totalTimeMs + " ms");
        }
    }

    /** Whether the request succeeded (status {@code success}). */
    public boolean ok() {
        return status == Status.SUCCESS;
    }
}
