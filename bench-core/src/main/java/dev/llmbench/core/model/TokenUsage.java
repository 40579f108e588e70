package dev.llmbench.core.model;

import java.util.OptionalLong;

/**
 * Token counts of one request as the provider reported them. A count the provider did not report
 * is {@value #UNKNOWN}. Immutable and thread-safe.
 *
 * @param inputTokens     prompt tokens, or {@value #UNKNOWN}
 * @param outputTokens    generated tokens including reasoning tokens, or {@value #UNKNOWN}
 * @param reasoningTokens the reasoning share of {@code outputTokens}, or {@value #UNKNOWN}
 * @param costUsd         the cost the provider reported in US dollars, or a negative number when unknown
 * @since 0.1
 */
public record TokenUsage(long inputTokens, long outputTokens, long reasoningTokens, double costUsd) {
    /** Marks a count that was not reported. */
    public static final long UNKNOWN = -1;

    /** Validates the components. */
    public TokenUsage {
        if (inputTokens < UNKNOWN || outputTokens < UNKNOWN || reasoningTokens < UNKNOWN) {
            throw new IllegalArgumentException("token counts must be >= 0 or UNKNOWN (-1)");
        }
    }

    /** Usage with input and output counts and nothing else. */
    public static TokenUsage of(long inputTokens, long outputTokens) {
        return new TokenUsage(inputTokens, outputTokens, UNKNOWN, -1);
    }

    /** The output count when reported. */
    public OptionalLong output() {
        return outputTokens == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(outputTokens);
    }

    /** The input count when reported. */
    public OptionalLong input() {
        return inputTokens == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(inputTokens);
    }
}
