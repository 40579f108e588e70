package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.Role;
import dev.llmbench.core.model.ToolCall;
import java.util.List;

/**
 * What a grader sees. Immutable and thread-safe.
 *
 * @param testId   the test's id; never blank
 * @param testCase the case; never null
 * @param response     the model's final response; never null
 * @param conversation everything after the case's request messages: for a tool loop, each
 *                     assistant turn (with its tool calls) and the tool results, ending with the
 *                     final answer; for a single turn, just the answer; never null
 * @since 0.1
 */
public record GradingInput(String testId, TestCase testCase, ChatResponse response, List<Message> conversation) {
    /** A single-turn input: the conversation is the one answer. */
    public GradingInput(String testId, TestCase testCase, ChatResponse response) {
        this(testId, testCase, response, List.of(Message.assistant(response.text(), response.toolCalls())));
    }

    /** Validates the components and copies the list. */
    public GradingInput {
        Checks.notBlank(testId, "testId");
        Checks.notNull(testCase, "testCase");
        Checks.notNull(response, "response");
        conversation = List.copyOf(Checks.notNull(conversation, "conversation"));
    }

    /** Every tool call the model made, across all turns, in order. */
    public List<ToolCall> toolCalls() {
        return conversation.stream().filter(m -> m.role() == Role.ASSISTANT).flatMap(m -> m.toolCalls().stream()).toList();
    }

    /** The response's visible text. */
    public String text() {
        return response.text();
    }
}
