package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OllamaRequestMapperTest {
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"]}";
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather of a city", SCHEMA);
    private static final ModelShow TOOLS_AND_THINKING = new ModelShow(true, Set.of("completion", "tools", "thinking"),
            131072, -1);
    private static final ModelShow COMPLETION_ONLY = new ModelShow(true, Set.of("completion", "vision"), 8192, -1);

    private static OllamaSettings settings(Map<String, String> extras) {
        ProviderConfig config = new ProviderConfig("llama3.2", "", Secret.NONE, Duration.ofSeconds(5),
                Duration.ofSeconds(60), extras);
        return OllamaSettings.resolve(config, name -> null);
    }

    private static JsonNode map(ChatRequest request) {
        return map(request, Map.of(), ModelShow.UNKNOWN);
    }

    private static JsonNode map(ChatRequest request, Map<String, String> extras, ModelShow show) {
        OllamaRequestMapper.Prepared p = OllamaRequestMapper.map(request, "llama3.2", settings(extras), show, -1);
        try {
            return Json.MAPPER.readTree(p.bytes());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sendsModelMessagesAndStreamTrueButNeverHarnessAttributes() {
        ChatRequest r = ChatRequest.builder().system("Be brief.").user("Hi")
                .attribute(ChatRequest.ATTR_REFERENCE, "secret reference answer").attribute(ChatRequest.ATTR_TEST, "t1")
                .build();
        JsonNode body = map(r);

        assertThat(body.toString()).isEqualTo("{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"system\","
                + "\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}");
    }

    @Test
    void sendsFormatJsonAsTheString() {
        JsonNode body = map(ChatRequest.builder().user("x").responseFormat(ResponseFormat.JSON).build());

        assertThat(body.get("format").isTextual()).isTrue();
        assertThat(body.get("format").asText()).isEqualTo("json");
    }

    @Test
    void sendsAJsonSchemaAsTheSchemaObjectItselfNeverAnOpenAiDict() {
        JsonNode body = map(ChatRequest.builder().user("x")
                .responseFormat(new ResponseFormat.JsonSchema("city", SCHEMA, true)).build());

        assertThat(body.get("format").isObject()).isTrue();
        assertThat(body.get("format").toString()).isEqualTo(SCHEMA);
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.get("format").has("json_schema")).isFalse();
    }

    @Test
    void mapsSamplingAndExtrasIntoTypedOptions() {
        ChatRequest r = ChatRequest.builder().user("x")
                .sampling(Sampling.DEFAULT.withTemperature(0.2).withSeed(7).withMaxTokens(300))
                .extra("top_p", "0.9").extra("top_k", "40").extra("stop", "[\"\\n\\n\",\"END\"]")
                .extra("unrelated_openrouter_thing", "ignored").build();
        JsonNode body = map(r, Map.of("min_p", "0.05", "keep_alive", "10m"), ModelShow.UNKNOWN);

        JsonNode o = body.get("options");
        assertThat(o.get("temperature").isDouble()).isTrue();
        assertThat(o.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(o.get("seed").isIntegralNumber()).isTrue();
        assertThat(o.get("seed").asLong()).isEqualTo(7);
        assertThat(o.get("num_predict").asInt()).isEqualTo(300);
        assertThat(o.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(o.get("top_k").isIntegralNumber()).isTrue();
        assertThat(o.get("stop").toString()).isEqualTo("[\"\\n\\n\",\"END\"]");
        assertThat(o.get("min_p").asDouble()).isEqualTo(0.05);
        assertThat(o.has("num_ctx")).isFalse(); // a short prompt fits the default context
        assertThat(o.has("unrelated_openrouter_thing")).isFalse();
        assertThat(body.has("unrelated_openrouter_thing")).isFalse();
        assertThat(body.get("keep_alive").asText()).isEqualTo("10m");
    }

    @Test
    void letsRequestExtrasOverrideProviderExtrasWhichOverrideSampling() {
        ChatRequest r = ChatRequest.builder().user("x").sampling(Sampling.DEFAULT.withTemperature(0.2))
                .extra("top_k", "5").extra("keep_alive", "-1").build();
        JsonNode body = map(r, Map.of("temperature", "0.0", "top_k", "50", "keep_alive", "5m"), ModelShow.UNKNOWN);

        assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.at("/options/top_k").asInt()).isEqualTo(5);
        assertThat(body.get("keep_alive").isNumber()).isTrue();
        assertThat(body.get("keep_alive").asInt()).isEqualTo(-1);
    }

    @Test
    void sendsThinkAsBooleanOrLevel() {
        assertThat(map(ChatRequest.builder().user("x").extra("think", "true").build(), Map.of(), TOOLS_AND_THINKING)
                .get("think").isBoolean()).isTrue();
        assertThat(map(ChatRequest.builder().user("x").extra("think", "high").build(), Map.of(), TOOLS_AND_THINKING)
                .get("think").asText()).isEqualTo("high");
        assertThat(map(ChatRequest.builder().user("x").build(), Map.of("think", "false"), COMPLETION_ONLY)
                .get("think").booleanValue()).isFalse();
    }

    @Test
    void sendsToolsAndAToolLoopWithObjectArguments() {
        ChatRequest r = ChatRequest.builder().user("Weather in Paris?").tool(WEATHER)
                .message(Message.assistant("", List.of(new ToolCall("", "get_weather", "{\"city\":\"Paris\"}"),
                        new ToolCall("call_1", "get_weather", "{\"city\":\"Rome\"}"))))
                .message(Message.toolResult("", "get_weather", "18 C"))
                .message(Message.toolResult("call_1", "get_weather", "21 C"))
                .build();
        JsonNode body = map(r, Map.of(), TOOLS_AND_THINKING);

        assertThat(body.get("tools").toString()).isEqualTo("[{\"type\":\"function\",\"function\":{\"name\":"
                + "\"get_weather\",\"description\":\"Weather of a city\",\"parameters\":" + SCHEMA + "}}]");
        JsonNode assistant = body.at("/messages/1");
        assertThat(assistant.toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
                + "{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}},"
                + "{\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Rome\"}}}]}");
        assertThat(body.at("/messages/2").toString())
                .isEqualTo("{\"role\":\"tool\",\"content\":\"18 C\",\"tool_name\":\"get_weather\"}");
        assertThat(body.at("/messages/3").toString()).isEqualTo(
                "{\"role\":\"tool\",\"content\":\"21 C\",\"tool_name\":\"get_weather\",\"tool_call_id\":\"call_1\"}");
    }

    @Test
    void refusesToolsOnAModelWithoutTheToolsCapability() {
        ChatRequest r = ChatRequest.builder().user("x").tool(WEATHER).build();

        assertThatThrownBy(() -> map(r, Map.of(), COMPLETION_ONLY))
                .isInstanceOf(OllamaRequestMapper.RejectedException.class)
                .hasMessageContaining("llama3.2 does not support tools");
    }

    @Test
    void refusesThinkingOnAModelWithoutTheThinkingCapability() {
        ChatRequest r = ChatRequest.builder().user("x").extra("think", "medium").build();

        assertThatThrownBy(() -> map(r, Map.of(), COMPLETION_ONLY))
                .isInstanceOf(OllamaRequestMapper.RejectedException.class)
                .hasMessageContaining("does not support thinking");
    }

    @Test
    void sendsToolsWhenCapabilitiesAreUnknown() {
        JsonNode body = map(ChatRequest.builder().user("x").tool(WEATHER).build(), Map.of(),
                new ModelShow(true, Set.of(), -1, -1));

        assertThat(body.get("tools")).hasSize(1);
    }

    @Test
    void rejectsToolCallArgumentsThatAreNotAJsonObject() {
        ChatRequest r = ChatRequest.builder().user("x")
                .message(Message.assistant("", List.of(new ToolCall("", "f", "[1,2]")))).build();

        assertThatThrownBy(() -> map(r)).isInstanceOf(OllamaRequestMapper.RejectedException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void rejectsABadRequestExtraValue() {
        ChatRequest r = ChatRequest.builder().user("x").extra("top_k", "many").build();

        assertThatThrownBy(() -> map(r)).isInstanceOf(OllamaRequestMapper.RejectedException.class)
                .hasMessageContaining("top_k must be a whole number");
    }

    @Test
    void sizesNumCtxToTheNextPowerOfTwoForALongPrompt() {
        String doc = "x".repeat(30_000); // ~10,000 tokens at 3 characters per token
        JsonNode body = map(ChatRequest.builder().user(doc).build(), Map.of(), TOOLS_AND_THINKING);

        assertThat(body.at("/options/num_ctx").asLong()).isEqualTo(16_384);
    }

    @Test
    void keepsAnExplicitNumCtx() {
        JsonNode body = map(ChatRequest.builder().user("x".repeat(30_000)).extra("num_ctx", "8192").build(), Map.of(),
                TOOLS_AND_THINKING);

        assertThat(body.at("/options/num_ctx").asLong()).isEqualTo(8192);
    }
}
