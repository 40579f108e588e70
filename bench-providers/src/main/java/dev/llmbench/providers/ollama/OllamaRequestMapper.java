package dev.llmbench.providers.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.Role;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.providers.internal.http.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@code POST /api/chat} body from a provider-neutral {@link ChatRequest}. Harness
 * attributes are never sent; request extras that are not Ollama parameters are ignored (a test
 * may carry extras for other providers). Stateless and thread-safe.
 *
 * <p>Mapping: messages with {@code role} and {@code content}; an assistant's tool calls as
 * {@code tool_calls[].function} with the arguments as a JSON <em>object</em> (Ollama rejects a
 * string); a tool result as role {@code tool} with {@code tool_name} and, when known,
 * {@code tool_call_id}; {@code format} as {@code "json"} or the schema object itself (never an
 * OpenAI-style {@code response_format} dict); tools as {@code {"type":"function","function":
 * {name, description, parameters}}}; sampling into {@code options} ({@code temperature},
 * {@code seed}, {@code num_predict} from max tokens); {@code stream: true} always.
 *
 * <p>Precedence of {@code options}: the request's {@link Sampling}, then provider extras, then
 * request extras (the most specific wins).
 */
final class OllamaRequestMapper {
    private OllamaRequestMapper() {}

    /** A request that cannot be sent as it is; the message says why, in one line. */
    static final class RejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RejectedException(String message) {
            super(message);
        }
    }

    /** A request ready to send. @param body the JSON body @param plan the context plan */
    record Prepared(ObjectNode body, ContextPlan plan) {
        byte[] bytes() {
            try {
                return Json.MAPPER.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise a JSON tree", e);
            }
        }
    }

    /**
     * Maps {@code request}.
     *
     * @param floor the provider's {@code num_ctx} floor, or -1 (see {@link ContextPlan})
     * @throws RejectedException when a request extra does not parse, a tool call's arguments are not
     *         a JSON object, the schema is not JSON, or the model lacks tools or thinking
     */
    static Prepared map(ChatRequest request, String model, OllamaSettings settings, ModelShow show, long floor) {
        OllamaParams.Parsed extras;
        try {
            extras = OllamaParams.parse(request.extras());
        } catch (IllegalArgumentException e) {
            throw new RejectedException("ollama: request extra " + e.getMessage());
        }
        Map<String, JsonNode> options = new LinkedHashMap<>();
        Sampling s = request.sampling();
        s.temperature().ifPresent(t -> options.put("temperature", Json.MAPPER.getNodeFactory().numberNode(t)));
        s.seed().ifPresent(v -> options.put("seed", LongNode.valueOf(v)));
        s.maxTokens().ifPresent(v -> options.put("num_predict", LongNode.valueOf(v)));
        options.putAll(settings.params().options());
        options.putAll(extras.options());
        Map<String, JsonNode> top = new LinkedHashMap<>(settings.params().topLevel());
        top.putAll(extras.topLevel());

        if (!request.tools().isEmpty() && show.lacks("tools")) {
            throw new RejectedException("ollama: model " + model + " does not support tools (its capabilities: "
                    + show.capabilities() + "); choose a model with the tools capability");
        }
        if (OllamaParams.thinkingRequested(top.get("think")) && show.lacks("thinking")) {
            throw new RejectedException("ollama: model " + model + " does not support thinking (its capabilities: "
                    + show.capabilities() + "); drop the think setting or choose a thinking model");
        }

        JsonNode predict = options.get("num_predict");
        long budget = predict != null && predict.isIntegralNumber() && predict.asLong() > 0 ? predict.asLong()
                : settings.outputReserve();
        JsonNode fixedCtx = options.get("num_ctx");
        ContextPlan plan;
        if (fixedCtx != null && fixedCtx.isIntegralNumber() && fixedCtx.asLong() > 0) {
            plan = ContextPlan.fixed(request, fixedCtx.asLong(), budget);
        } else {
            plan = ContextPlan.of(request, settings, show, budget, floor);
            if (plan.numCtx() > 0) {
                options.put("num_ctx", LongNode.valueOf(plan.numCtx()));
            }
        }

        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            messages.add(message(m));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
                fn.put("name", t.name()).put("description", t.description());
                fn.set("parameters", parse(t.parametersJson(), "the parameters of tool " + t.name()));
            }
        }
        if (request.responseFormat() instanceof ResponseFormat.Json) {
            body.put("format", "json");
        } else if (request.responseFormat() instanceof ResponseFormat.JsonSchema schema) {
            JsonNode tree = parse(schema.schemaJson(), "the JSON schema " + schema.name());
            if (!tree.isObject()) {
                throw new RejectedException("ollama: the JSON schema " + schema.name() + " must be a JSON object");
            }
            body.set("format", tree);
        }
        if (!options.isEmpty()) {
            ObjectNode o = body.putObject("options");
            options.forEach(o::set);
        }
        top.forEach(body::set);
        body.put("stream", true);
        return new Prepared(body, plan);
    }

    private static ObjectNode message(Message m) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("role", m.role().wireName());
        n.put("content", m.content());
        if (!m.toolCalls().isEmpty()) {
            ArrayNode calls = n.putArray("tool_calls");
            for (ToolCall c : m.toolCalls()) {
                ObjectNode call = calls.addObject();
                if (!c.id().isEmpty()) {
                    call.put("id", c.id());
                }
                ObjectNode fn = call.putObject("function");
                fn.put("name", c.name());
                JsonNode args = c.argumentsJson().isBlank() ? Json.MAPPER.createObjectNode()
                        : parse(c.argumentsJson(), "the arguments of tool call " + c.name());
                if (!args.isObject()) {
                    throw new RejectedException("ollama: the arguments of tool call " + c.name()
                            + " must be a JSON object; Ollama accepts no other shape");
                }
                fn.set("arguments", args);
            }
        }
        if (m.role() == Role.TOOL) {
            n.put("tool_name", m.toolName());
            if (!m.toolCallId().isEmpty()) {
                n.put("tool_call_id", m.toolCallId());
            }
        }
        return n;
    }

    private static JsonNode parse(String json, String what) {
        try {
            JsonNode n = Json.MAPPER.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw new IOException("empty");
            }
            return n;
        } catch (IOException e) {
            throw new RejectedException("ollama: " + what + " is not valid JSON");
        }
    }
}
