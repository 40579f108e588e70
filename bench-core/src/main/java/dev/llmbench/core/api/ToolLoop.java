package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the runner plays the tool side of a tool-use case: the handlers of the tools offered in the
 * case's request, and the most model turns allowed. After a turn that calls tools, the runner
 * appends the assistant message and one tool-result message per call, and asks again, until the
 * model answers without calling a tool or the turn limit is reached. Immutable and thread-safe.
 *
 * @param handlers the handlers by tool name; empty means the case is not a tool loop
 * @param maxTurns the most model turns, 1 to 20
 * @since 0.1
 */
public record ToolLoop(Map<String, ToolHandler> handlers, int maxTurns) {
    /** Not a tool loop: one request, one answer. */
    public static final ToolLoop NONE = new ToolLoop(Map.of(), 1);

    /** Validates the components and copies the map. */
    public ToolLoop {
        handlers = java.util.Collections.unmodifiableMap(new TreeMap<>(Checks.notNull(handlers, "handlers")));
        if (maxTurns < 1 || maxTurns > 20) {
            throw new IllegalArgumentException("maxTurns (" + maxTurns + ") must be between 1 and 20");
        }
    }

    /** Whether this case runs a tool loop. */
    public boolean active() {
        return !handlers.isEmpty();
    }

    /**
     * The tool-result messages for the calls of one assistant turn: each known tool's handler
     * result, or an error object naming the known tools for an invented one.
     */
    public List<Message> results(List<ToolCall> calls) {
        List<Message> out = new ArrayList<>();
        for (ToolCall call : calls) {
            ToolHandler h = handlers.get(call.name());
            String result;
            if (h == null) {
                result = "{\"error\":\"unknown tool '" + call.name().replace("\"", "'") + "'; available tools: "
                        + String.join(", ", handlers.keySet()) + "\"}";
            } else {
                result = Checks.notNull(h.handle(call.argumentsJson()), "tool result of " + call.name());
            }
            out.add(Message.toolResult(call.id(), call.name(), result));
        }
        return out;
    }
}
