package dev.llmbench.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.ServerTimings;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.providers.internal.http.BodyHandler.Emitter;
import dev.llmbench.providers.internal.http.BodyHandler.MalformedResponseException;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns chat-completions chunks (or one whole completion object) into stream events, keeping the
 * state that spans chunks: tool calls by index, the finish reason, the last usage and server
 * timings. Created per response; not thread-safe (one delivering thread at a time).
 *
 * <p>Rules:
 * <ul>
 *   <li>Only choice 0 is read (llmbench never asks for {@code n > 1}); {@code choices} may be
 *       missing, null or empty.</li>
 *   <li>Reasoning comes from {@code reasoning}, else {@code reasoning_content}, else the text of
 *       {@code reasoning_details} items of type {@code reasoning.text}/{@code reasoning.summary}
 *       (OpenRouter sends the same text in both {@code reasoning} and the details, so the details
 *       are read only when neither string is there). It is emitted before the content of the
 *       same delta and never mixed into it. {@code refusal} text is emitted as content.</li>
 *   <li>Tool calls are keyed by the server's {@code index}; a fragment whose {@code id} differs
 *       from the id already recorded for that index starts a new call (some servers give every
 *       call index 0). Calls get output indices 0, 1, … in order of appearance. Arguments are
 *       joined from string pieces; an object is serialized whole. A fragment naming a different
 *       tool also starts a new call; without any index, a fragment continues the last call
 *       unless its id or name says otherwise.</li>
 *   <li>The first non-null {@code finish_reason} wins; repeats (OpenRouter's usage chunk) and a
 *       later null are ignored. {@code "error"} without an error object fails the stream.</li>
 *   <li>The last {@code usage} object seen is emitted once, just before {@code Completed};
 *       {@code usage: null} is ignored. {@code cost} becomes {@link TokenUsage#costUsd()}.</li>
 *   <li>llama.cpp's {@code timings} ({@code prompt_ms}, {@code predicted_ms}) become
 *       {@link ServerTimings}.</li>
 *   <li>A top-level {@code error} object, or one on choice 0, fails the stream at once through
 *       {@link ErrorMapper#inStream}.</li>
 * </ul>
 */
final class ChunkTranslator {
    private final ErrorMapper errors;
    private final Map<Integer, Integer> outByServerIndex = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private FinishReason finish;
    private boolean finishError;
    private TokenUsage usage;
    private ServerTimings timings;

    ChunkTranslator(ErrorMapper errors) {
        this.errors = errors;
    }

    /** One streamed {@code chat.completion.chunk}. */
    void chunk(JsonNode chunk, Emitter out) {
        read(chunk, out, "delta");
    }

    /**
     * One streamed chunk already read by {@link SimpleChunk#read}; the same events and state as
     * {@link #chunk(JsonNode, Emitter)} gives for that chunk.
     */
    void chunk(SimpleChunk chunk, Emitter out) {
        if (!chunk.reasoning().isEmpty()) {
            out.emit(new StreamEvent.ReasoningDelta(chunk.reasoning()));
        }
        if (!chunk.content().isEmpty()) {
            out.emit(new StreamEvent.ContentDelta(chunk.content()));
        }
        if (!chunk.refusal().isEmpty()) {
            out.emit(new StreamEvent.ContentDelta(chunk.refusal()));
        }
        finish(chunk.finishReason());
        if (chunk.usage() != null) {
            usage = usage(chunk.usage());
        }
        keepTimings(chunk.timings());
    }

    /** A whole non-streamed {@code chat.completion} object; ends the stream. */
    void completion(JsonNode completion, Emitter out) {
        read(completion, out, "message");
        if (!out.ended()) {
            end(out, true);
        }
    }

    /**
     * The stream is over: at {@code [DONE]} ({@code marker}) or at the end of the body. Emits
     * timings, usage and {@code Completed}, or nothing when the body ended with neither
     * {@code [DONE]} nor a finish reason (the exchange then reports a truncated stream).
     */
    void end(Emitter out, boolean marker) {
        if (finishError) {
            ObjectNode err = Json.MAPPER.createObjectNode();
            err.putObject("error").put("message", "the server ended the response with finish_reason \"error\"");
            out.emit(new StreamEvent.Failed(errors.inStream(err)));
            return;
        }
        if (!marker && finish == null) {
            return;
        }
        if (timings != null) {
            out.emit(new StreamEvent.Timings(timings));
        }
        if (usage != null) {
            out.emit(new StreamEvent.Usage(usage));
        }
        out.emit(new StreamEvent.Completed(finish == null ? FinishReason.OTHER : finish));
    }

    private void read(JsonNode obj, Emitter out, String deltaField) {
        if (!obj.isObject()) {
            throw new MalformedResponseException("a response event is not a JSON object: " + ErrorMapper.quote(obj.toString()));
        }
        if (isError(obj.get("error"))) {
            out.emit(new StreamEvent.Failed(errors.inStream(obj)));
            return;
        }
        JsonNode choices = obj.get("choices");
        if (choices != null && choices.isArray()) {
            for (JsonNode choice : choices) {
                if (choice.path("index").asInt(0) != 0) {
                    continue;
                }
                if (isError(choice.get("error"))) {
                    ObjectNode wrapped = Json.MAPPER.createObjectNode();
                    wrapped.set("error", choice.get("error"));
                    out.emit(new StreamEvent.Failed(errors.inStream(wrapped)));
                    return;
                }
                JsonNode delta = choice.get(deltaField);
                if (delta == null || !delta.isObject()) {
                    delta = choice.get(deltaField.equals("delta") ? "message" : "delta");
                }
                if (delta != null && delta.isObject()) {
                    delta(delta, out);
                }
                JsonNode reason = choice.get("finish_reason");
                finish(reason != null && reason.isTextual() ? reason.asText() : null);
            }
        }
        JsonNode u = obj.get("usage");
        if (u != null && u.isObject()) {
            usage = usage(u);
        }
        keepTimings(obj.get("timings"));
    }

    /** Keeps llama.cpp's {@code timings} when {@code t} is an object with either duration. */
    private void keepTimings(JsonNode t) {
        if (t != null && t.isObject() && (t.has("prompt_ms") || t.has("predicted_ms"))) {
            timings = timings(t);
        }
    }

    private void delta(JsonNode delta, Emitter out) {
        String reasoning = Json.text(delta, "reasoning");
        if (reasoning.isEmpty()) {
            reasoning = Json.text(delta, "reasoning_content");
        }
        if (reasoning.isEmpty() && !delta.path("reasoning").isTextual() && !delta.path("reasoning_content").isTextual()) {
            reasoning = detailsText(delta.get("reasoning_details"));
        }
        if (!reasoning.isEmpty()) {
            out.emit(new StreamEvent.ReasoningDelta(reasoning));
        }
        String content = Json.text(delta, "content");
        if (!content.isEmpty() && delta.get("content").isTextual()) {
            out.emit(new StreamEvent.ContentDelta(content));
        }
        String refusal = Json.text(delta, "refusal");
        if (!refusal.isEmpty()) {
            out.emit(new StreamEvent.ContentDelta(refusal));
        }
        JsonNode calls = delta.get("tool_calls");
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                toolCall(call, out);
            }
        }
    }

    private static String detailsText(JsonNode details) {
        if (details == null || !details.isArray()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode d : details) {
            String type = Json.text(d, "type");
            if (type.equals("reasoning.text")) {
                b.append(Json.text(d, "text"));
            } else if (type.equals("reasoning.summary")) {
                b.append(Json.text(d, "summary"));
            }
        }
        return b.toString();
    }

    private void toolCall(JsonNode call, Emitter out) {
        String id = Json.text(call, "id");
        JsonNode fn = call.path("function");
        String name = Json.text(fn, "name");
        JsonNode a = fn.get("arguments");
        String args = a == null || a.isNull() ? "" : a.isTextual() ? a.asText() : a.toString();
        JsonNode idx = call.get("index");
        int serverIndex = idx != null && idx.canConvertToInt() && idx.asInt() >= 0 ? idx.asInt() : -1;
        Integer outIndex = serverIndex >= 0 ? outByServerIndex.get(serverIndex) : lastIndexFor(id, name);
        boolean fresh = outIndex == null
                || (!id.isEmpty() && !ids.get(outIndex).isEmpty() && !ids.get(outIndex).equals(id))
                || (!name.isEmpty() && !names.get(outIndex).isEmpty() && !names.get(outIndex).equals(name));
        if (fresh) {
            outIndex = ids.size();
            ids.add("");
            names.add("");
            if (serverIndex >= 0) {
                outByServerIndex.put(serverIndex, outIndex);
            }
        }
        String newId = !id.isEmpty() && ids.get(outIndex).isEmpty() ? id : "";
        String newName = !name.isEmpty() && names.get(outIndex).isEmpty() ? name : "";
        if (!newId.isEmpty()) {
            ids.set(outIndex, newId);
        }
        if (!newName.isEmpty()) {
            names.set(outIndex, newName);
        }
        if (fresh || !newId.isEmpty() || !newName.isEmpty() || !args.isEmpty()) {
            out.emit(new StreamEvent.ToolCallFragment(outIndex, newId, newName, args));
        }
    }

    /**
     * Without a server index: the last call continues, unless this fragment carries a different
     * id, or a name while the last call already has one and the ids do not match.
     */
    private Integer lastIndexFor(String id, String name) {
        if (ids.isEmpty()) {
            return null;
        }
        int last = ids.size() - 1;
        String lastId = ids.get(last);
        if (!id.isEmpty() && id.equals(lastId)) {
            return last;
        }
        if (!id.isEmpty() && !lastId.isEmpty()) {
            return null;
        }
        return !name.isEmpty() && !names.get(last).isEmpty() ? null : Integer.valueOf(last);
    }

    /** Applies a textual {@code finish_reason}; null or empty is ignored. */
    private void finish(String r) {
        if (r == null || r.isEmpty()) {
            return;
        }
        if (r.equals("error")) {
            finishError = true;
        } else if (finish == null) {
            finish = switch (r) {
                case "stop", "end_turn", "stop_sequence" -> FinishReason.STOP;
                case "length", "max_tokens" -> FinishReason.LENGTH;
                case "tool_calls", "function_call", "tool_use" -> FinishReason.TOOL_CALLS;
                case "content_filter" -> FinishReason.CONTENT_FILTER;
                default -> FinishReason.OTHER;
            };
        }
    }

    private static boolean isError(JsonNode e) {
        return e != null && !e.isNull() && !(e.isBoolean() && !e.asBoolean());
    }

    private static TokenUsage usage(JsonNode u) {
        long in = count(u, "prompt_tokens");
        long output = count(u, "completion_tokens");
        long reasoning = count(u.path("completion_tokens_details"), "reasoning_tokens");
        JsonNode cost = u.get("cost");
        double usd = cost != null && cost.isNumber() ? cost.asDouble() : -1;
        return new TokenUsage(in, output, reasoning, usd);
    }

    private static long count(JsonNode node, String field) {
        long v = Json.number(node, field, TokenUsage.UNKNOWN);
        return v < 0 ? TokenUsage.UNKNOWN : v;
    }

    private static ServerTimings timings(JsonNode t) {
        long prompt = millisToNanos(t.get("prompt_ms"));
        long eval = millisToNanos(t.get("predicted_ms"));
        long total = prompt >= 0 && eval >= 0 ? prompt + eval : ServerTimings.UNKNOWN;
        return new ServerTimings(total, ServerTimings.UNKNOWN, prompt, eval);
    }

    private static long millisToNanos(JsonNode ms) {
        return ms != null && ms.isNumber() && ms.asDouble() >= 0 ? Math.round(ms.asDouble() * 1_000_000) : ServerTimings.UNKNOWN;
    }
}
