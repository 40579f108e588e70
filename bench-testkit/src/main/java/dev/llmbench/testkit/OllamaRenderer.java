package dev.llmbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ollama native {@code /api/chat} and {@code /api/generate} (PROTOCOLS.md A.3, A.5, A.7): NDJSON
 * objects, thinking pieces before content, whole tool calls with object arguments, a final
 * {@code done:true} object with {@code done_reason} and nanosecond metrics, mid-stream
 * {@code {"error":...}} lines. Not API.
 */
final class OllamaRenderer extends Renderer {

    OllamaRenderer(ReplyContext ctx) {
        super(ctx);
    }

    @Override
    String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    boolean sse() {
        return false;
    }

    @Override
    String preamble() {
        return "";
    }

    @Override
    String keepAliveFrame() {
        return "\n";
    }

    @Override
    String piece(Piece piece) {
        ObjectNode o = head();
        if (ctx.generate) {
            if (piece instanceof Piece.Reasoning) {
                o.put("response", "").put("thinking", ((Piece.Reasoning) piece).text());
            } else if (piece instanceof Piece.Content) {
                o.put("response", ((Piece.Content) piece).text());
            } else {
                o.put("response", "");
                o.set("tool_calls", Json.array().add(toolCall((Piece.WholeTool) piece)));
            }
        } else {
            ObjectNode m = o.putObject("message").put("role", "assistant");
            if (piece instanceof Piece.Reasoning) {
                m.put("content", "").put("thinking", ((Piece.Reasoning) piece).text());
            } else if (piece instanceof Piece.Content) {
                m.put("content", ((Piece.Content) piece).text());
            } else {
                m.put("content", "");
                m.set("tool_calls", Json.array().add(toolCall((Piece.WholeTool) piece)));
            }
        }
        return Json.write(o.put("done", false)) + "\n";
    }

    @Override
    String finish() {
        ObjectNode o = head();
        if (ctx.generate) {
            o.put("response", "");
        } else {
            o.putObject("message").put("role", "assistant").put("content", "");
        }
        o.put("done", true).put("done_reason", doneReason());
        if (ctx.generate) {
            o.set("context", Json.array().add(1).add(2).add(3));
        }
        metrics(o);
        return Json.write(o) + "\n";
    }

    @Override
    String midStreamError(Object code, String message) {
        return Json.write(Json.object().put("error", message)) + "\n";
    }

    @Override
    String malformedFrame() {
        return "{\"model\":" + Json.quote(ctx.model()) + ",\"created_at\":\"" + ctx.createdAt()
                + "\",\"message\":{\"role\":\"assistant\",\"cont\n";
    }

    @Override
    String nonStreamBody(String content) {
        ObjectNode o = head();
        if (ctx.generate) {
            o.put("response", content);
            if (!ctx.spec.reasoning.isEmpty()) {
                o.put("thinking", ctx.joinedReasoning());
            }
            if (!ctx.spec.toolCalls.isEmpty()) {
                o.set("tool_calls", allToolCalls());
            }
        } else {
            ObjectNode m = o.putObject("message").put("role", "assistant").put("content", content);
            if (!ctx.spec.reasoning.isEmpty()) {
                m.put("thinking", ctx.joinedReasoning());
            }
            if (!ctx.spec.toolCalls.isEmpty()) {
                m.set("tool_calls", allToolCalls());
            }
        }
        o.put("done", true).put("done_reason", doneReason());
        if (ctx.generate) {
            o.set("context", Json.array().add(1).add(2).add(3));
        }
        metrics(o);
        return Json.write(o);
    }

    @Override
    String nonStreamContentType() {
        return ErrorBodies.JSON_UTF8;
    }

    private ObjectNode head() {
        return Json.object().put("model", ctx.model()).put("created_at", ctx.createdAt());
    }

    private String doneReason() {
        String r = ctx.finishReason();
        return r.equals("tool_calls") ? "stop" : r;
    }

    private ArrayNode allToolCalls() {
        ArrayNode calls = Json.array();
        for (int i = 0; i < ctx.spec.toolCalls.size(); i++) {
            calls.add(toolCall(new Piece.WholeTool(i, ctx.spec.toolCalls.get(i), ctx.toolIds.get(i))));
        }
        return calls;
    }

    private ObjectNode toolCall(Piece.WholeTool t) {
        ObjectNode call = Json.object();
        if (t.id() != null) {
            call.put("id", t.id());
        }
        ObjectNode fn = call.putObject("function").put("index", t.index()).put("name", t.call().name());
        JsonNode args = Json.parseOrNull(t.call().argumentsJson());
        if (args != null && args.isObject()) {
            fn.set("arguments", args);
        } else {
            fn.put("arguments", t.call().argumentsJson());
        }
        return call;
    }

    /** Ollama's metrics, nanoseconds, {@code omitempty}: zero values are left out. */
    private void metrics(ObjectNode o) {
        ServerTimings t = ctx.spec.timings;
        if (t.style() == ServerTimings.Style.OMITTED) {
            return;
        }
        long total;
        long load;
        long promptEval;
        long eval;
        if (t.style() == ServerTimings.Style.MEASURED) {
            long t0 = ctx.request.receivedNanos();
            long headers = ctx.headersNanos == 0 ? t0 : ctx.headersNanos;
            long first = ctx.firstChunkNanos == 0 ? headers : ctx.firstChunkNanos;
            long last = ctx.lastChunkNanos == 0 ? first : ctx.lastChunkNanos;
            load = Math.max(1, headers - t0);
            promptEval = Math.max(1, first - headers);
            eval = Math.max(1, last - first);
            total = Math.max(load + promptEval + eval, System.nanoTime() - t0);
        } else {
            total = t.totalNanos();
            load = t.loadNanos();
            promptEval = t.promptEvalNanos();
            eval = t.evalNanos();
        }
        boolean cloud = t.style() == ServerTimings.Style.CLOUD;
        putNonZero(o, "total_duration", total);
        if (!cloud) {
            putNonZero(o, "load_duration", load);
        }
        putNonZero(o, "prompt_eval_count", ctx.promptTokens());
        if (!cloud) {
            putNonZero(o, "prompt_eval_duration", promptEval);
        }
        putNonZero(o, "eval_count", ctx.completionTokens());
        if (!cloud) {
            putNonZero(o, "eval_duration", eval);
        }
    }

    private static void putNonZero(ObjectNode o, String name, long value) {
        if (value != 0) {
            o.put(name, value);
        }
    }
}
