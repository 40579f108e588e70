package dev.llmbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Anthropic Messages over SSE with {@code event:} lines: {@code message_start},
 * {@code content_block_start}/{@code _delta}/{@code _stop} for thinking ({@code thinking_delta},
 * then a {@code signature_delta}), text ({@code text_delta}) and tool use
 * ({@code input_json_delta}), {@code message_delta} with {@code stop_reason} and output tokens,
 * {@code message_stop}, {@code ping} and {@code error} events. Stateful: tracks the open block.
 * Not API.
 */
final class AnthropicRenderer extends Renderer {

    private final String id = "msg_01" + ReplyContext.randomAlnum(22);
    private String openType;
    private int blockIndex = -1;

    AnthropicRenderer(ReplyContext ctx) {
        super(ctx);
    }

    @Override
    String streamContentType() {
        return "text/event-stream; charset=utf-8";
    }

    @Override
    String preamble() {
        ObjectNode message = message();
        message.set("content", Json.array());
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", ctx.promptTokens()).put("output_tokens", 1);
        ObjectNode root = Json.object().put("type", "message_start");
        root.set("message", message);
        return event("message_start", Json.write(root));
    }

    @Override
    int defaultStreamKeepAlive() {
        return 1;
    }

    @Override
    String keepAliveFrame() {
        return event("ping", "{\"type\": \"ping\"}");
    }

    @Override
    String piece(Piece piece) {
        StringBuilder sb = new StringBuilder();
        ObjectNode delta = Json.object();
        if (piece instanceof Piece.Reasoning) {
            open(sb, "thinking", Json.object().put("type", "thinking").put("thinking", "").put("signature", ""));
            delta.put("type", "thinking_delta").put("thinking", ((Piece.Reasoning) piece).text());
        } else if (piece instanceof Piece.Content) {
            open(sb, "text", Json.object().put("type", "text").put("text", ""));
            delta.put("type", "text_delta").put("text", ((Piece.Content) piece).text());
        } else if (piece instanceof Piece.ToolStart) {
            Piece.ToolStart t = (Piece.ToolStart) piece;
            ObjectNode block = Json.object().put("type", "tool_use").put("id", t.id()).put("name", t.call().name());
            block.putObject("input");
            open(sb, "tool" + t.index(), block);
            return sb.toString();
        } else {
            delta.put("type", "input_json_delta").put("partial_json", ((Piece.ToolArgs) piece).text());
        }
        ObjectNode root = Json.object().put("type", "content_block_delta").put("index", blockIndex);
        root.set("delta", delta);
        return sb.append(event("content_block_delta", Json.write(root))).toString();
    }

    @Override
    String finish() {
        StringBuilder sb = new StringBuilder();
        close(sb);
        ObjectNode root = Json.object().put("type", "message_delta");
        root.putObject("delta").put("stop_reason", stopReason()).putNull("stop_sequence");
        root.putObject("usage").put("output_tokens", ctx.completionTokens());
        sb.append(event("message_delta", Json.write(root)));
        return sb.append(event("message_stop", "{\"type\":\"message_stop\"}")).toString();
    }

    @Override
    String midStreamError(Object code, String message) {
        String type = code instanceof String ? (String) code
                : ErrorBodies.anthropicType(code instanceof Integer ? (Integer) code : 529);
        ObjectNode root = Json.object().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return event("error", Json.write(root));
    }

    @Override
    String malformedFrame() {
        return "event: content_block_delta" + ctx.nl + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"ty"
                + ctx.nl + ctx.nl;
    }

    @Override
    String nonStreamBody(String content) {
        ObjectNode root = message();
        ArrayNode blocks = root.putArray("content");
        if (!ctx.spec.reasoning.isEmpty()) {
            blocks.addObject().put("type", "thinking").put("thinking", ctx.joinedReasoning()).put("signature", "fakesig");
        }
        if (!content.isEmpty() || ctx.spec.toolCalls.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", content);
        }
        for (int i = 0; i < ctx.spec.toolCalls.size(); i++) {
            ToolCall c = ctx.spec.toolCalls.get(i);
            ObjectNode block = blocks.addObject().put("type", "tool_use").put("id", ctx.toolIds.get(i))
                    .put("name", c.name());
            JsonNode input = Json.parseOrNull(c.argumentsJson());
            block.set("input", input != null && input.isObject() ? input : Json.object());
        }
        root.put("stop_reason", stopReason()).putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", ctx.promptTokens()).put("output_tokens", ctx.completionTokens());
        return Json.write(root);
    }

    @Override
    ErrorBodies.Response nonStreamError(Object code, String message) {
        int status = code instanceof Integer ? (Integer) code : "overloaded_error".equals(code) || code == null ? 529 : 500;
        return ErrorBodies.render(ctx.format, status, message, null);
    }

    private ObjectNode message() {
        return Json.object().put("id", id).put("type", "message").put("role", "assistant").put("model", ctx.model());
    }

    private String stopReason() {
        String r = ctx.finishReason();
        switch (r) {
            case "stop": return "end_turn";
            case "length": return "max_tokens";
            case "tool_calls": return "tool_use";
            default: return r;
        }
    }

    private void open(StringBuilder sb, String type, ObjectNode block) {
        if (type.equals(openType)) {
            return;
        }
        close(sb);
        openType = type;
        blockIndex++;
        ObjectNode root = Json.object().put("type", "content_block_start").put("index", blockIndex);
        root.set("content_block", block);
        sb.append(event("content_block_start", Json.write(root)));
    }

    private void close(StringBuilder sb) {
        if (openType == null) {
            return;
        }
        if (openType.equals("thinking")) {
            ObjectNode sig = Json.object().put("type", "content_block_delta").put("index", blockIndex);
            sig.putObject("delta").put("type", "signature_delta").put("signature", "fakesig");
            sb.append(event("content_block_delta", Json.write(sig)));
        }
        sb.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + blockIndex + "}"));
        openType = null;
    }
}
