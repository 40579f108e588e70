package dev.llmbench.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.Role;
import dev.llmbench.core.model.ServerTimings;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.model.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scripted multi-turn answer for tool-use cases: the model's turns in order, each either tool
 * calls or final text. Calibration references and bad responses of tool-use cases are written as
 * transcripts, the offline simulator acts them out, and {@code llmbench grade} accepts them.
 *
 * <p>Text form (JSON):
 * <pre>{"transcript":[{"tool_calls":[{"name":"get_weather","arguments":{"city":"London"}}]},
 *                 {"text":"It is 14 °C in London."}]}</pre>
 * Immutable and thread-safe.
 *
 * @param turns the model's turns, at least one
 * @since 0.1
 */
public record Transcript(List<Turn> turns) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One model turn.
     *
     * @param text      the turn's text (the final answer on the last turn); never null
     * @param toolCalls the tools called in this turn; never null
     */
    public record Turn(String text, List<ToolCall> toolCalls) {
        /** Validates and copies. */
        public Turn {
            Checks.notNull(text, "text");
            toolCalls = List.copyOf(Checks.notNull(toolCalls, "toolCalls"));
        }
    }

    /**
     * The conversation a transcript produces against a tool loop.
     *
     * @param conversation the assistant and tool messages in order, ending with the final answer
     * @param response     the final turn as a response
     */
    public record Played(List<Message> conversation, ChatResponse response) {
        /** Copies the list. */
        public Played {
            conversation = List.copyOf(conversation);
        }
    }

    /** Validates and copies. */
    public Transcript {
        turns = List.copyOf(Checks.notNull(turns, "turns"));
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a transcript needs at least one turn");
        }
    }

    /**
     * Reads a transcript from its text form.
     *
     * @return empty when {@code text} is not a transcript object (then it is a plain answer)
     * @throws IllegalArgumentException when it is a transcript object but malformed
     */
    public static Optional<Transcript> parse(String text) {
        String s = text.strip();
        if (!s.startsWith("{\"transcript\"")) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException("transcript is not valid JSON: " + e.getMessage(), e);
        }
        List<Turn> turns = new ArrayList<>();
        int callNo = 0;
        for (JsonNode t : root.withArray("transcript")) {
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode c : t.withArray("tool_calls")) {
                JsonNode args = c.get("arguments");
                String json = args == null ? "{}" : args.isTextual() ? args.asText() : args.toString();
                String id = c.hasNonNull("id") ? c.get("id").asText() : "call_" + (++callNo);
                calls.add(new ToolCall(id, c.path("name").asText(), json));
            }
            turns.add(new Turn(t.path("text").asText(""), calls));
        }
        return Optional.of(new Transcript(turns));
    }

    /** The text form. */
    public String format() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("transcript");
        for (Turn t : turns) {
            ObjectNode n = arr.addObject();
            if (!t.text().isEmpty()) {
                n.put("text", t.text());
            }
            if (!t.toolCalls().isEmpty()) {
                ArrayNode calls = n.putArray("tool_calls");
                for (ToolCall c : t.toolCalls()) {
                    ObjectNode cn = calls.addObject().put("id", c.id()).put("name", c.name());
                    try {
                        cn.set("arguments", MAPPER.readTree(c.argumentsJson()));
                    } catch (IOException invalid) {
                        cn.put("arguments", c.argumentsJson());
                    }
                }
            }
        }
        return root.toString();
    }

    /**
     * The turn a model would give next, for a request whose messages end with {@code messages}:
     * the number of assistant messages after the last user message selects the turn (the last
     * turn when the transcript is exhausted).
     */
    public Turn nextTurn(List<Message> messages) {
        int k = 0;
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).role() != Role.USER; i--) {
            if (messages.get(i).role() == Role.ASSISTANT) {
                k++;
            }
        }
        return turns.get(Math.min(k, turns.size() - 1));
    }

    /** Plays the transcript against {@code loop}'s handlers, as the runner would (bounded by its turns). */
    public Played play(ToolLoop loop) {
        List<Message> conversation = new ArrayList<>();
        Turn last = turns.get(0);
        int limit = Math.min(turns.size(), loop.maxTurns());
        for (int i = 0; i < limit; i++) {
            last = turns.get(i);
            conversation.add(Message.assistant(last.text(), last.toolCalls()));
            if (last.toolCalls().isEmpty()) {
                break;
            }
            conversation.addAll(loop.results(last.toolCalls()));
        }
        ChatResponse response = new ChatResponse(last.text(), "", last.toolCalls(),
                last.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS,
                new TokenUsage(TokenUsage.UNKNOWN, TokenUsage.UNKNOWN, TokenUsage.UNKNOWN, -1), ServerTimings.NONE);
        return new Played(conversation, response);
    }
}
