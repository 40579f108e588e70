package dev.llmbench.providers.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.Json;
import dev.llmbench.providers.internal.http.SseBodyHandler;
import dev.llmbench.providers.internal.http.SseDecoder;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses one streamed Messages API response into stream events as the bytes arrive.
 *
 * <h2>Events</h2>
 * <ul>
 *   <li>{@code message_start}: input tokens ({@code input_tokens} plus cache-creation and
 *       cache-read input tokens, so that the count is the whole prompt, as other providers report it).</li>
 *   <li>{@code content_block_start}: a {@code tool_use} block gives a {@code ToolCallFragment} with
 *       its id and name; tool calls are numbered 0, 1, … in block order (text and thinking blocks
 *       do not count). Text or thinking already present in a start block is emitted.</li>
 *   <li>{@code content_block_delta}: {@code text_delta} → content, {@code thinking_delta} →
 *       reasoning, {@code input_json_delta} → tool-call arguments; {@code signature_delta},
 *       {@code citations_delta} and unknown deltas are ignored.</li>
 *   <li>{@code content_block_stop}: a tool call that received no argument text gets {@code {}}.</li>
 *   <li>{@code message_delta}: the stop reason ({@code end_turn}/{@code stop_sequence} → STOP,
 *       {@code max_tokens}/{@code model_context_window_exceeded} → LENGTH, {@code tool_use} →
 *       TOOL_CALLS, {@code refusal} → CONTENT_FILTER, else OTHER) and the cumulative output tokens
 *       (the last value wins; the API may also restate input tokens here).</li>
 *   <li>{@code message_stop}: one {@code Usage} (when any count was reported), then
 *       {@code Completed}.</li>
 *   <li>{@code error}: {@code Failed} via {@link ErrorMapper#inStream} ({@code stream_error}; the
 *       message names the error type, e.g. {@code overloaded_error}).</li>
 *   <li>{@code ping} and event types added by later API versions are ignored.</li>
 * </ul>
 * Data that is not a JSON object is a malformed response. A body that ends without
 * {@code message_stop} or {@code error} is reported by the exchange as a truncated stream.
 *
 * <p>Not thread-safe: one instance per response, called by one thread at a time.
 */
final class AnthropicBodyHandler extends SseBodyHandler {
    private final ErrorMapper errors;
    private final Map<Integer, Integer> toolByBlock = new HashMap<>();
    private final Map<Integer, Boolean> toolHasArguments = new HashMap<>();
    private int tools;
    private long inputTokens = TokenUsage.UNKNOWN;
    private long outputTokens = TokenUsage.UNKNOWN;
    private FinishReason finish = FinishReason.OTHER;

    AnthropicBodyHandler(ErrorMapper errors) {
        this.errors = errors;
    }

    @Override
    protected void onEvent(SseDecoder.Event event, Emitter out) {
        JsonNode json = parse(event);
        String type = json.path("type").asText(event.event());
        switch (type) {
            case "message_start" -> messageStart(json.path("message").path("usage"));
            case "content_block_start" -> blockStart(json.path("index").asInt(-1), json.path("content_block"), out);
            case "content_block_delta" -> blockDelta(json.path("index").asInt(-1), json.path("delta"), out);
            case "content_block_stop" -> blockStop(json.path("index").asInt(-1), out);
            case "message_delta" -> messageDelta(json, out);
            case "message_stop" -> {
                if (inputTokens != TokenUsage.UNKNOWN || outputTokens != TokenUsage.UNKNOWN) {
                    out.emit(new StreamEvent.Usage(new TokenUsage(inputTokens, outputTokens, TokenUsage.UNKNOWN, -1)));
                }
                out.emit(new StreamEvent.Completed(finish));
            }
            case "error" -> out.emit(new StreamEvent.Failed(errors.inStream(json)));
            default -> {
                // ping, and event types added by later API versions
            }
        }
    }

    private static JsonNode parse(SseDecoder.Event event) {
        try {
            JsonNode json = Json.MAPPER.readTree(event.data());
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new MalformedResponseException("a server-sent event"
                + (event.event().isEmpty() ? "" : " '" + ErrorMapper.quote(event.event()) + "'")
                + " does not carry a JSON object: " + ErrorMapper.quote(event.data()));
    }

    private void messageStart(JsonNode usage) {
        long input = inputTokens(usage);
        if (input != TokenUsage.UNKNOWN) {
            inputTokens = input;
        }
        long output = Json.number(usage, "output_tokens", TokenUsage.UNKNOWN);
        if (output >= 0) {
            outputTokens = output;
        }
    }

    private void blockStart(int index, JsonNode block, Emitter out) {
        switch (block.path("type").asText()) {
            case "text" -> {
                String text = Json.text(block, "text");
                if (!text.isEmpty()) {
                    out.emit(new StreamEvent.ContentDelta(text));
                }
            }
            case "thinking" -> {
                String thinking = Json.text(block, "thinking");
                if (!thinking.isEmpty()) {
                    out.emit(new StreamEvent.ReasoningDelta(thinking));
                }
            }
            case "tool_use" -> {
                int ordinal = tools++;
                toolByBlock.put(index, ordinal);
                JsonNode input = block.path("input");
                boolean hasInput = input.isObject() && input.size() > 0; // streamed calls start with {}
                toolHasArguments.put(index, hasInput);
                out.emit(new StreamEvent.ToolCallFragment(ordinal, Json.text(block, "id"), Json.text(block, "name"),
                        hasInput ? input.toString() : ""));
            }
            default -> {
                // redacted_thinking, server tools and their results: nothing the harness reports
            }
        }
    }

    private void blockDelta(int index, JsonNode delta, Emitter out) {
        switch (delta.path("type").asText()) {
            case "text_delta" -> out.emit(new StreamEvent.ContentDelta(Json.text(delta, "text")));
            case "thinking_delta" -> out.emit(new StreamEvent.ReasoningDelta(Json.text(delta, "thinking")));
            case "input_json_delta" -> {
                Integer ordinal = toolByBlock.get(index);
                String piece = Json.text(delta, "partial_json");
                if (ordinal == null) {
                    throw new MalformedResponseException("input_json_delta for content block " + index
                            + ", which is not a tool_use block");
                }
                if (!piece.isEmpty()) {
                    toolHasArguments.put(index, true);
                    out.emit(new StreamEvent.ToolCallFragment(ordinal, "", "", piece));
                }
            }
            default -> {
                // signature_delta (opaque), citations_delta, later additions
            }
        }
    }

    private void blockStop(int index, Emitter out) {
        Integer ordinal = toolByBlock.get(index);
        if (ordinal != null && !toolHasArguments.getOrDefault(index, false)) {
            toolHasArguments.put(index, true);
            out.emit(new StreamEvent.ToolCallFragment(ordinal, "", "", "{}")); // a call without arguments
        }
    }

    private void messageDelta(JsonNode json, Emitter out) {
        JsonNode stop = json.path("delta").path("stop_reason");
        if (stop.isTextual()) {
            finish = finishReason(stop.asText());
        }
        JsonNode usage = json.path("usage");
        long output = Json.number(usage, "output_tokens", TokenUsage.UNKNOWN);
        if (output >= 0) {
            outputTokens = output; // cumulative: replaces, never adds
        }
        long input = inputTokens(usage);
        if (input > 0) { // a restated prompt count; some compatible servers send 0 here
            inputTokens = input;
        }
    }

    /** Input tokens including cache writes and reads, or UNKNOWN when {@code input_tokens} is absent. */
    private static long inputTokens(JsonNode usage) {
        long input = Json.number(usage, "input_tokens", TokenUsage.UNKNOWN);
        if (input < 0) {
            return TokenUsage.UNKNOWN;
        }
        return input + Math.max(0, Json.number(usage, "cache_creation_input_tokens", 0))
                + Math.max(0, Json.number(usage, "cache_read_input_tokens", 0));
    }

    /** Maps an Anthropic {@code stop_reason}. */
    static FinishReason finishReason(String stopReason) {
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER; // pause_turn and later additions
        };
    }
}
