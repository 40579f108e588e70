package dev.llmbench.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI chat completions and OpenRouter's variant of it over SSE (PROTOCOLS.md B.3–B.7, C).
 *
 * <p>OpenAI: a role chunk first, bare content/reasoning deltas, tool-call fragments by index,
 * a finish chunk with an empty delta, a usage chunk with {@code choices: []} only when the request
 * set {@code stream_options.include_usage}, then {@code [DONE]}. OpenRouter: every delta repeats
 * {@code "role":"assistant"}, choices carry {@code native_finish_reason}, chunks carry
 * {@code provider}, reasoning comes with {@code reasoning_details}, and usage (with {@code cost})
 * arrives on a repeat of the finish chunk that still has choices. Not API.
 */
final class OpenAiRenderer extends Renderer {

    private final boolean router;
    private final String id;

    OpenAiRenderer(ReplyContext ctx) {
        super(ctx);
        this.router = ctx.format == WireFormat.OPENROUTER;
        this.id = router ? "gen-" + ctx.createdSeconds + "-" + ctx.suffix : "chatcmpl-" + ctx.suffix;
    }

    @Override
    String streamContentType() {
        return "text/event-stream; charset=utf-8";
    }

    @Override
    String preamble() {
        if (router) {
            return "";
        }
        ObjectNode delta = Json.object().put("role", "assistant").put("content", "");
        delta.putNull("refusal");
        return data(chunk(delta, null));
    }

    @Override
    int defaultStreamKeepAlive() {
        return router ? 1 : 0;
    }

    @Override
    int defaultBodyKeepAlive() {
        return router ? 9 : 0;
    }

    @Override
    String keepAliveFrame() {
        return ": OPENROUTER PROCESSING" + ctx.nl + ctx.nl;
    }

    @Override
    String piece(Piece piece) {
        ObjectNode delta = Json.object();
        if (router) {
            delta.put("role", "assistant");
        }
        if (piece instanceof Piece.Content) {
            delta.put("content", ((Piece.Content) piece).text());
        } else if (piece instanceof Piece.Reasoning) {
            String text = ((Piece.Reasoning) piece).text();
            delta.put("content", "").put("reasoning", text);
            if (router) {
                delta.putArray("reasoning_details").addObject().put("type", "reasoning.text").put("text", text)
                        .put("format", "unknown").put("index", 0);
            }
        } else if (piece instanceof Piece.ToolStart) {
            Piece.ToolStart t = (Piece.ToolStart) piece;
            if (router) {
                delta.putNull("content");
            }
            delta.putArray("tool_calls").addObject().put("index", t.index()).put("id", t.id())
                    .put("type", "function").putObject("function").put("name", t.call().name()).put("arguments", "");
        } else {
            Piece.ToolArgs t = (Piece.ToolArgs) piece;
            if (router) {
                delta.putNull("content");
            }
            delta.putArray("tool_calls").addObject().put("index", t.index()).putObject("function")
                    .put("arguments", t.text());
        }
        return data(chunk(delta, null));
    }

    @Override
    String finish() {
        StringBuilder sb = new StringBuilder();
        if (router) {
            ObjectNode finish = chunkNode(Json.object().put("role", "assistant").put("content", ""), ctx.finishReason());
            sb.append(data(Json.write(finish)));
            finish.set("usage", usage());
            sb.append(data(Json.write(finish)));
        } else {
            sb.append(data(chunk(Json.object(), ctx.finishReason())));
            if (includeUsage()) {
                ObjectNode u = envelope();
                u.set("choices", Json.array());
                u.set("usage", usage());
                sb.append(data(Json.write(u)));
            }
        }
        return sb.append(data("[DONE]")).toString();
    }

    @Override
    String midStreamError(Object code, String message) {
        if (!router) {
            ObjectNode error = Json.object().put("message", message).put("type", "server_error");
            error.putNull("param");
            putCode(error, code);
            ObjectNode root = Json.object();
            root.set("error", error);
            return data(Json.write(root));
        }
        ObjectNode root = envelope();
        ObjectNode error = root.putObject("error");
        Object c = code == null ? Integer.valueOf(502) : code;
        putCode(error, c);
        error.put("message", message);
        if (c instanceof Integer) {
            error.putObject("metadata").put("error_type", ErrorBodies.openRouterType((Integer) c));
        }
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.put("finish_reason", "error").put("native_finish_reason", "error");
        return data(Json.write(root));
    }

    @Override
    String malformedFrame() {
        return "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.ch" + ctx.nl + ctx.nl;
    }

    @Override
    String nonStreamBody(String content) {
        ObjectNode root = envelope().put("object", "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (content.isEmpty() && !ctx.spec.toolCalls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        message.putNull("refusal");
        if (!ctx.spec.reasoning.isEmpty()) {
            message.put("reasoning", ctx.joinedReasoning());
        }
        if (!ctx.spec.toolCalls.isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < ctx.spec.toolCalls.size(); i++) {
                ToolCall c = ctx.spec.toolCalls.get(i);
                calls.addObject().put("id", ctx.toolIds.get(i)).put("type", "function").putObject("function")
                        .put("name", c.name()).put("arguments", c.argumentsJson());
            }
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", ctx.finishReason());
        if (router) {
            choice.put("native_finish_reason", nativeFinish());
        }
        root.set("usage", usage());
        return Json.write(root);
    }

    @Override
    ErrorBodies.Response nonStreamError(Object code, String message) {
        if (!router) {
            return super.nonStreamError(code, message);
        }
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error").put("message", message);
        putCode(error, code == null ? Integer.valueOf(500) : code);
        root.put("user_id", "user_fake");
        return new ErrorBodies.Response(200, "application/json", Json.write(root), java.util.Map.of());
    }

    private boolean includeUsage() {
        return ctx.request.json().path("stream_options").path("include_usage").asBoolean(false);
    }

    private String nativeFinish() {
        return ctx.spec.nativeFinishReason != null ? ctx.spec.nativeFinishReason : ctx.finishReason();
    }

    private ObjectNode envelope() {
        ObjectNode o = Json.object().put("id", id).put("object", "chat.completion.chunk");
        o.put("created", ctx.createdSeconds).put("model", ctx.model());
        if (router) {
            o.put("provider", ctx.provider());
        } else {
            o.put("system_fingerprint", "fp_fake");
        }
        return o;
    }

    private String chunk(ObjectNode delta, String finishReason) {
        return Json.write(chunkNode(delta, finishReason));
    }

    private ObjectNode chunkNode(ObjectNode delta, String finishReason) {
        ObjectNode o = envelope();
        ObjectNode choice = o.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (!router) {
            choice.putNull("logprobs");
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
            if (router) {
                choice.putNull("native_finish_reason");
            }
        } else {
            choice.put("finish_reason", finishReason);
            if (router) {
                choice.put("native_finish_reason", nativeFinish());
            }
        }
        if (!router && includeUsage()) {
            o.putNull("usage");
        }
        return o;
    }

    private ObjectNode usage() {
        int p = ctx.promptTokens();
        int c = ctx.completionTokens();
        ObjectNode u = Json.object().put("prompt_tokens", p).put("completion_tokens", c).put("total_tokens", p + c);
        if (router) {
            u.put("cost", ctx.cost()).put("is_byok", false);
            u.putObject("prompt_tokens_details").put("cached_tokens", 0);
            ObjectNode cd = u.putObject("cost_details");
            cd.putNull("upstream_inference_cost");
            u.putObject("completion_tokens_details").put("reasoning_tokens",
                    ctx.spec.reasoning.isEmpty() ? 0 : ctx.spec.reasoning.size());
        }
        return u;
    }

    private static void putCode(ObjectNode error, Object code) {
        if (code instanceof Integer) {
            error.put("code", (Integer) code);
        } else if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code.toString());
        }
    }
}
