package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;
import java.util.List;

/**
 * A complete response, assembled from a stream's events. Immutable and thread-safe.
 *
 * @param text          the visible answer; never null
 * @param reasoning     reasoning text, kept apart; never null
 * @param toolCalls     the tool calls, in index order; never null
 * @param finishReason  why generation stopped; never null
 * @param usage         provider-reported usage, with {@link TokenUsage#UNKNOWN} where missing; never null
 * @param serverTimings server-side timings; never null
 * @since 0.1
 */
public record ChatResponse(
        String text,
        String reasoning,
        List<ToolCall> toolCalls,
        FinishReason finishReason,
        TokenUsage usage,
        ServerTimings serverTimings) {

    /** Validates the components and copies the list. */
    public ChatResponse {
        Checks.notNull(text, "text");
        Checks.notNull(reasoning, "reasoning");
        toolCalls = List.copyOf(Checks.notNull(toolCalls, "toolCalls"));
        Checks.notNull(finishReason, "finishReason");
        Checks.notNull(usage, "usage");
        Checks.notNull(serverTimings, "serverTimings");
    }

    /** A plain text response with no usage reported; handy for grading stored answers. */
    public static ChatResponse ofText(String text) {
        return new ChatResponse(text, "", List.of(), FinishReason.STOP,
                new TokenUsage(TokenUsage.UNKNOWN, TokenUsage.UNKNOWN, TokenUsage.UNKNOWN, -1), ServerTimings.NONE);
    }
}
