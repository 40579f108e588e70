package dev.llmbench.providers.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.ServerTimings;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.Json;
import dev.llmbench.providers.internal.http.LineBodyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Parses a streamed {@code /api/chat} body (NDJSON, one JSON object per line) into stream events
 * as the lines arrive. Created per request; used by one thread at a time, as the transport
 * guarantees.
 *
 * <ul>
 *   <li>{@code message.thinking} → {@link StreamEvent.ReasoningDelta}, {@code message.content} →
 *       {@link StreamEvent.ContentDelta} (empty pieces are skipped, so they do not count as
 *       inter-token gaps); thinking is emitted first when one line carries both.</li>
 *   <li>Every element of {@code message.tool_calls} is one complete call: one
 *       {@link StreamEvent.ToolCallFragment} with this handler's own running index (Ollama's
 *       {@code function.index} may be absent or repeated, so calls are never merged by it), the
 *       id or an empty string, and the arguments object serialised as JSON text.</li>
 *   <li>The {@code done:true} object (its {@code message} is optional) → {@link StreamEvent.Usage}
 *       from {@code prompt_eval_count} / {@code eval_count}, {@link StreamEvent.Timings} from the
 *       {@code *_duration} fields (nanoseconds; absent ones, as Ollama Cloud omits some, are
 *       {@link ServerTimings#UNKNOWN}), then {@link StreamEvent.Completed}.</li>
 *   <li>{@code {"error": ...}} on any line, first or mid-stream → a terminal
 *       {@link StreamEvent.Failed} classified by {@link ErrorMapper#inStream}.</li>
 * </ul>
 *
 * <p>Ordinary lines ({@code done: false}, text only) are read with the streaming parser
 * ({@link SimpleLine}); every other line as a tree, under the rules above.
 *
 * <p>Finish reasons: {@code length} → {@link FinishReason#LENGTH}; {@code stop} or none →
 * {@link FinishReason#STOP}, except {@link FinishReason#TOOL_CALLS} when the response carried tool
 * calls (Ollama says {@code stop} then, as its own OpenAI-compatible layer also corrects);
 * {@code load}/{@code unload} (a request without messages) and anything else →
 * {@link FinishReason#OTHER}.
 */
final class OllamaBodyHandler extends LineBodyHandler {
    private static final ObjectReader READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ErrorMapper errors;
    private final LongConsumer promptEvalCount;
    private int nextToolIndex;
    private long lines;

    /**
     * @param errors          classifies error lines
     * @param promptEvalCount receives the final {@code prompt_eval_count} (-1 when absent) just
     *                        before the terminal event; for the truncation check
     */
    OllamaBodyHandler(ErrorMapper errors, LongConsumer promptEvalCount) {
        this.errors = errors;
        this.promptEvalCount = promptEvalCount;
    }

    @Override
    protected void onLine(byte[] bytes, int offset, int length, Emitter out) {
        if (blank(bytes, offset, length)) {
            return;
        }
        lines++;
        SimpleLine simple = simple(bytes, offset, length);
        if (simple != null) { // the usual line, read without a tree
            if (!simple.thinking().isEmpty()) {
                out.emit(new StreamEvent.ReasoningDelta(simple.thinking()));
            }
            if (!simple.content().isEmpty()) {
                out.emit(new StreamEvent.ContentDelta(simple.content()));
            }
            return;
        }
        JsonNode n;
        try {
            n = READER.readTree(bytes, offset, length); // UTF-8 bytes straight to Jackson: no String
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("line " + lines + " of the /api/chat stream is not JSON: "
                    + ErrorMapper.quote(errors.scrub(excerpt(text(bytes, offset, length)))));
        } catch (IOException e) {
            throw new MalformedResponseException("line " + lines + " of the /api/chat stream could not be read");
        }
        if (n == null || !n.isObject()) {
            throw new MalformedResponseException("line " + lines + " of the /api/chat stream is not a JSON object: "
                    + ErrorMapper.quote(errors.scrub(excerpt(text(bytes, offset, length)))));
        }
        JsonNode error = n.get("error");
        if (error != null && !error.isNull() && !(error.isTextual() && error.asText().isEmpty())) {
            out.emit(new StreamEvent.Failed(errors.inStream(n)));
            return;
        }
        JsonNode message = n.get("message");
        if (message != null && message.isObject()) {
            String thinking = Json.text(message, "thinking");
            if (!thinking.isEmpty()) {
                out.emit(new StreamEvent.ReasoningDelta(thinking));
            }
            String content = Json.text(message, "content");
            if (!content.isEmpty()) {
                out.emit(new StreamEvent.ContentDelta(content));
            }
            JsonNode calls = message.get("tool_calls");
            if (calls != null && calls.isArray()) {
                for (JsonNode call : calls) {
                    toolCall(call, out);
                }
            }
        }
        JsonNode done = n.get("done");
        if (done != null && done.asBoolean(false)) {
            finish(n, out);
        }
    }

    private static SimpleLine simple(byte[] bytes, int offset, int length) {
        try (JsonParser p = READER.createParser(bytes, offset, length)) {
            return SimpleLine.read(p);
        } catch (IOException e) {
            return null; // the tree path reports it
        }
    }

    private void toolCall(JsonNode call, Emitter out) {
        JsonNode fn = call.path("function");
        String name = Json.text(fn, "name");
        if (name.isEmpty()) {
            throw new MalformedResponseException("a tool call in the /api/chat stream has no function name: "
                    + ErrorMapper.quote(errors.scrub(call.toString())));
        }
        JsonNode args = fn.get("arguments");
        String json;
        if (args == null || args.isNull()) {
            json = "{}";
        } else if (args.isTextual()) {
            json = args.asText(); // not Ollama's documented shape, but keep what the model produced
        } else {
            json = args.toString();
        }
        out.emit(new StreamEvent.ToolCallFragment(nextToolIndex++, Json.text(call, "id"), name, json));
    }

    private void finish(JsonNode n, Emitter out) {
        long prompt = Json.number(n, "prompt_eval_count", TokenUsage.UNKNOWN);
        long eval = Json.number(n, "eval_count", TokenUsage.UNKNOWN);
        if (prompt >= 0 || eval >= 0) {
            out.emit(new StreamEvent.Usage(new TokenUsage(Math.max(prompt, TokenUsage.UNKNOWN),
                    Math.max(eval, TokenUsage.UNKNOWN), TokenUsage.UNKNOWN, -1)));
        }
        ServerTimings t = new ServerTimings(duration(n, "total_duration"), duration(n, "load_duration"),
                duration(n, "prompt_eval_duration"), duration(n, "eval_duration"));
        if (!t.equals(ServerTimings.NONE)) {
            out.emit(new StreamEvent.Timings(t));
        }
        promptEvalCount.accept(prompt);
        out.emit(new StreamEvent.Completed(reason(Json.text(n, "done_reason"))));
    }

    private FinishReason reason(String doneReason) {
        return switch (doneReason) {
            case "", "stop" -> nextToolIndex > 0 ? FinishReason.TOOL_CALLS : FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            default -> FinishReason.OTHER;
        };
    }

    private static long duration(JsonNode n, String field) {
        long v = Json.number(n, field, ServerTimings.UNKNOWN);
        return v < 0 ? ServerTimings.UNKNOWN : v;
    }

    /** Whether the line is empty or whitespace only, as {@link String#isBlank()} decides. */
    private static boolean blank(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return text(bytes, offset, length).isBlank(); // non-ASCII: Unicode spaces count too
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    private static String excerpt(String line) {
        return line.length() > 120 ? line.substring(0, 120) : line;
    }
}
