package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;
import java.util.List;

/**
 * One message of a conversation. Immutable and thread-safe.
 *
 * @param role       who wrote it; never null
 * @param content    its text, possibly empty (an assistant message that only calls tools); never null
 * @param toolCalls  the tool calls of an assistant message; empty otherwise; never null
 * @param toolCallId for a {@link Role#TOOL} message, the id of the call it answers, else empty
 * @param toolName   for a {@link Role#TOOL} message, the name of the tool, else empty
 * @since 0.1
 */
public record Message(Role role, String content, List<ToolCall> toolCalls, String toolCallId, String toolName) {
    /** Validates the components and copies the list. */
    public Message {
        Checks.notNull(role, "role");
        Checks.notNull(content, "content");
        toolCalls = List.copyOf(Checks.notNull(toolCalls, "toolCalls"));
        Checks.notNull(toolCallId, "toolCallId");
        Checks.notNull(toolName, "toolName");
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only assistant messages carry tool calls, not " + role);
        }
    }

    /** A system message. */
    public static Message system(String content) {
        return new Message(Role.SYSTEM, content, List.of(), "", "");
    }

    /** A user message. */
    public static Message user(String content) {
        return new Message(Role.USER, content, List.of(), "", "");
    }

    /** An assistant message with text only. */
    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content, List.of(), "", "");
    }

    /** An assistant message that calls tools. */
    public static Message assistant(String content, List<ToolCall> toolCalls) {
        return new Message(Role.ASSISTANT, content, toolCalls, "", "");
    }

    /** The result of one tool call. */
    public static Message toolResult(String toolCallId, String toolName, String content) {
        return new Message(Role.TOOL, content, List.of(), toolCallId, Checks.notBlank(toolName, "toolName"));
    }
}
