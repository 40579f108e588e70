package dev.llmbench.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.Role;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.providers.internal.http.Json;
import java.util.Map;

/**
 * Builds the JSON body of a streaming chat-completions request from a provider-neutral
 * {@link ChatRequest}. Stateless and thread-safe.
 *
 * <p>Mapping: {@code model}; {@code messages} (system, user, assistant with {@code tool_calls}
 * whose {@code arguments} is a JSON <em>string</em> and {@code content: null} when the assistant
 * only called tools, tool results with {@code tool_call_id}); {@code stream: true};
 * {@code stream_options: {"include_usage": true}} when asked; {@code temperature}, {@code seed} and
 * the output-token limit (under {@code max_tokens}, or the field the provider names, e.g.
 * {@code max_completion_tokens} for OpenAI's reasoning models); {@code response_format}
 * ({@code json_object}, or {@code json_schema} with {@code name}, {@code strict} and
 * {@code schema}); {@code tools} as functions; then the pass-through fields of {@link BodyParams}.
 * Harness attributes are never sent.
 *
 * <p>Not API: shared by the {@code openai} and {@code openrouter} providers.
 *
 * @since 0.1
 */
public final class ChatCompletionsRequest {
    private ChatCompletionsRequest() {}

    /**
     * The request body.
     *
     * @param model          the model name sent to the server
     * @param request        the request
     * @param params         extra top-level fields, set last (they win over the mapped ones)
     * @param includeUsage   whether to send {@code stream_options.include_usage}
     * @param maxTokensField the field that carries {@link Sampling#maxTokens()}
     * @throws IllegalArgumentException when a tool's parameters or a response schema is not a JSON object
     */
    public static ObjectNode body(String model, ChatRequest request, Map<String, JsonNode> params,
            boolean includeUsage, String maxTokensField) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            messages.add(message(m));
        }
        body.put("stream", true);
        if (includeUsage) {
            body.putObject("stream_options").put("include_usage", true);
        }
        Sampling s = request.sampling();
        s.temperature().ifPresent(t -> body.put("temperature", t));
        s.seed().ifPresent(v -> body.put("seed", v));
        s.maxTokens().ifPresent(n -> body.put(maxTokensField, n));
        ResponseFormat format = request.responseFormat();
        if (format instanceof ResponseFormat.Json) {
            body.putObject("response_format").put("type", "json_object");
        } else if (format instanceof ResponseFormat.JsonSchema js) {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            schema.put("name", js.name());
            schema.put("strict", js.strict());
            schema.set("schema", object(js.schemaJson(), "the response schema \"" + js.name() + "\""));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
                fn.put("name", t.name());
                if (!t.description().isEmpty()) {
                    fn.put("description", t.description());
                }
                fn.set("parameters", object(t.parametersJson(), "the parameters of tool \"" + t.name() + "\""));
            }
        }
        params.forEach(body::set);
        return body;
    }

    private static ObjectNode message(Message m) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("role", m.role().wireName());
        if (m.role() == Role.ASSISTANT && !m.toolCalls().isEmpty()) {
            if (m.content().isEmpty()) {
                o.putNull("content");
            } else {
                o.put("content", m.content());
            }
            ArrayNode calls = o.putArray("tool_calls");
            for (ToolCall c : m.toolCalls()) {
                ObjectNode call = calls.addObject();
                call.put("id", c.id());
                call.put("type", "function");
                call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
            }
            return o;
        }
        o.put("content", m.content());
        if (m.role() == Role.TOOL) {
            o.put("tool_call_id", m.toolCallId());
        }
        return o;
    }

    private static JsonNode object(String json, String what) {
        try {
            JsonNode n = Json.MAPPER.readTree(json);
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
        throw new IllegalArgumentException(what + " must be a JSON object");
    }
}
