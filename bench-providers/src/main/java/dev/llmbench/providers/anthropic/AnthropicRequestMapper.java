package dev.llmbench.providers.anthropic;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates a provider-neutral {@link ChatRequest} into a streaming Messages API request body.
 * Harness attributes are never sent. Stateless and thread-safe.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>System messages, wherever they appear, are joined with a blank line into the top-level
 *       {@code system} string.</li>
 *   <li>An assistant message with tool calls becomes {@code tool_use} blocks ({@code id},
 *       {@code name}, {@code input} as a JSON object); a tool message becomes a {@code tool_result}
 *       block in a user turn. Consecutive turns of the same role are merged into one turn, so the
 *       results of parallel calls travel together, as the API requires.</li>
 *   <li>{@code max_tokens}, which the API requires: the request's {@code maxTokens}, else the
 *       configured default ({@value AnthropicSettings#DEFAULT_MAX_TOKENS} unless set); with
 *       thinking on and no request limit, the default plus the thinking budget.</li>
 *   <li>Temperature is sent as is (the API accepts 0 to 1; a larger value is rejected here). The
 *       Messages API has no seed: a requested seed is not sent.</li>
 *   <li>{@link ResponseFormat.Json}: a system-prompt instruction (the API has no JSON mode, so
 *       nothing enforces it). {@link ResponseFormat.JsonSchema}: the same instruction quoting the
 *       schema, or, when the provider is configured with {@code structured_outputs=native},
 *       {@code output_config.format} (constrained decoding; only newer models accept it).</li>
 *   <li>Request extras {@code thinking_budget}, {@code top_p} and {@code top_k} override the
 *       config's; the neutral {@code think} extra maps to a budget ({@link #thinkBudget}) when no
 *       explicit budget is given; other request extras belong to other providers and are ignored.</li>
 * </ul>
 */
final class AnthropicRequestMapper {
    /** The instruction added for {@link ResponseFormat.Json}. */
    static final String JSON_INSTRUCTION =
            "Respond with a single JSON object and nothing else: no prose before or after it, no Markdown code fence.";

    private final String model;
    private final AnthropicSettings settings;

    AnthropicRequestMapper(String model, AnthropicSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** A request the API would reject, or that cannot be expressed in its format. */
    static final class RejectedRequestException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        RejectedRequestException(String message) {
            super(message);
        }
    }

    /**
     * The UTF-8 JSON body for {@code request}.
     *
     * @throws RejectedRequestException when the request cannot be sent (bad extra value,
     *         temperature above 1, tool-call arguments that are not a JSON object, a tool call without id)
     */
    byte[] body(ChatRequest request) {
        try {
            return Json.MAPPER.writeValueAsBytes(tree(request));
        } catch (JsonProcessingException e) {
            throw new RejectedRequestException("cannot serialise the request: " + e.getOriginalMessage());
        }
    }

    /**
     * The thinking budget for the neutral {@link ChatRequest#EXTRA_THINK} extra: {@code low} 1024,
     * {@code true}/{@code medium} 4096, {@code high} 16384 tokens, {@code false} off; anything else
     * keeps {@code current}.
     */
    static int thinkBudget(String value, int current) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "false" -> 0;
            case "low" -> 1024;
            case "true", "medium" -> 4096;
            case "high" -> 16_384;
            default -> current;
        };
    }

    /** The request body as a JSON tree. */
    ObjectNode tree(ChatRequest request) {
        Map<String, String> extras = request.extras();
        int budget = settings.thinkingBudget();
        Sampling sampling = request.sampling();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", model);
        try {
            if (extras.containsKey("thinking_budget")) {
                budget = AnthropicSettings.thinkingBudget(extras.get("thinking_budget"));
            } else if (extras.containsKey(ChatRequest.EXTRA_THINK)) {
                budget = thinkBudget(extras.get(ChatRequest.EXTRA_THINK), budget);
            }
            int maxTokens = sampling.maxTokens().isPresent() ? sampling.maxTokens().getAsInt()
                    : settings.defaultMaxTokens() + budget;
            root.put("max_tokens", maxTokens);
            List<String> system = new ArrayList<>();
            root.set("messages", messages(request.messages(), system));
            addFormatInstruction(request.responseFormat(), system);
            if (!system.isEmpty()) {
                root.put("system", String.join("\n\n", system));
            }
            root.put("stream", true);
            if (sampling.temperature().isPresent()) {
                double t = sampling.temperature().getAsDouble();
                if (t > 1.0) {
                    throw new RejectedRequestException("temperature " + t + " is out of range: the Messages API accepts 0 to 1");
                }
                root.put("temperature", t);
            }
            double topP = extras.containsKey("top_p") ? AnthropicSettings.topP(extras.get("top_p"))
                    : settings.topP().orElse(-1);
            if (topP >= 0) {
                root.put("top_p", topP);
            }
            int topK = extras.containsKey("top_k") ? AnthropicSettings.topK(extras.get("top_k")) : settings.topK().orElse(0);
            if (topK > 0) {
                root.put("top_k", topK);
            }
        } catch (IllegalArgumentException e) {
            throw e instanceof RejectedRequestException ? e : new RejectedRequestException(e.getMessage());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = root.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                ObjectNode tool = tools.addObject().put("name", t.name());
                if (!t.description().isBlank()) {
                    tool.put("description", t.description());
                }
                tool.set("input_schema", parseObject(t.parametersJson(), "the parameters schema of tool '" + t.name() + "'"));
            }
        }
        if (settings.nativeSchema() && request.responseFormat() instanceof ResponseFormat.JsonSchema s) {
            root.putObject("output_config").putObject("format").put("type", "json_schema")
                    .set("schema", parseObject(s.schemaJson(), "the response schema '" + s.name() + "'"));
        }
        if (budget > 0) {
            root.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
        }
        return root;
    }

    private ArrayNode messages(List<Message> messages, List<String> system) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        String lastRole = "";
        ArrayNode blocks = null;
        for (Message m : messages) {
            if (m.role() == Role.SYSTEM) {
                if (!m.content().isBlank()) {
                    system.add(m.content());
                }
                continue;
            }
            String role = m.role() == Role.ASSISTANT ? "assistant" : "user";
            List<ObjectNode> add = blocks(m);
            if (add.isEmpty()) {
                continue;
            }
            if (!role.equals(lastRole)) {
                ObjectNode turn = out.addObject().put("role", role);
                blocks = turn.putArray("content");
                lastRole = role;
            }
            blocks.addAll(add);
        }
        // a turn holding a single text block is sent in the API's short form: "content": "text"
        for (JsonNode turn : out) {
            JsonNode content = turn.get("content");
            if (content.size() == 1 && content.get(0).path("type").asText().equals("text")) {
                ((ObjectNode) turn).put("content", content.get(0).get("text").asText());
            }
        }
        return out;
    }

    private static List<ObjectNode> blocks(Message m) {
        List<ObjectNode> out = new ArrayList<>();
        if (m.role() == Role.TOOL) {
            if (m.toolCallId().isBlank()) {
                throw new RejectedRequestException("the result of tool '" + m.toolName()
                        + "' has no tool call id; the Messages API needs the id of the tool_use block it answers");
            }
            out.add(Json.MAPPER.createObjectNode().put("type", "tool_result").put("tool_use_id", m.toolCallId())
                    .put("content", m.content()));
            return out;
        }
        if (!m.content().isEmpty()) { // the API rejects empty text blocks
            out.add(Json.MAPPER.createObjectNode().put("type", "text").put("text", m.content()));
        }
        for (ToolCall c : m.toolCalls()) {
            if (c.id().isBlank()) {
                throw new RejectedRequestException("the call of tool '" + c.name()
                        + "' has no id; the Messages API needs one on every tool_use block");
            }
            ObjectNode block = Json.MAPPER.createObjectNode().put("type", "tool_use").put("id", c.id())
                    .put("name", c.name());
            block.set("input", c.argumentsJson().isBlank() ? Json.MAPPER.createObjectNode()
                    : parseObject(c.argumentsJson(), "the arguments of tool call '" + c.id() + "'"));
            out.add(block);
        }
        return out;
    }

    private void addFormatInstruction(ResponseFormat format, List<String> system) {
        if (format instanceof ResponseFormat.Json) {
            system.add(JSON_INSTRUCTION);
        } else if (format instanceof ResponseFormat.JsonSchema s && !settings.nativeSchema()) {
            system.add(JSON_INSTRUCTION + " The object must validate against this JSON Schema (\"" + s.name() + "\"):\n"
                    + s.schemaJson().strip());
        }
    }

    private static ObjectNode parseObject(String json, String what) {
        try {
            JsonNode n = Json.MAPPER.readTree(json);
            if (n instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new RejectedRequestException(what + " is not a JSON object: "
                + (json.length() > 80 ? json.substring(0, 80) + "…" : json));
    }
}
