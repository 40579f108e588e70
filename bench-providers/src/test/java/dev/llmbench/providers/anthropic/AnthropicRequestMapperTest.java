package dev.llmbench.providers.anthropic;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicRequestMapperTest {
    private static final String WEATHER_SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}";

    static AnthropicSettings settings(Map<String, String> extras) {
        ProviderConfig config = ProviderConfig.of("claude-test").withApiKey(Secret.of("sk-canary-123"))
                .withBaseUrl("http://127.0.0.1:1");
        config = new ProviderConfig(config.model(), config.baseUrl(), config.apiKey(), config.connectTimeout(),
                config.requestTimeout(), extras);
        return AnthropicSettings.resolve(config, name -> null);
    }

    private static JsonNode json(ChatRequest request, Map<String, String> extras) throws Exception {
        byte[] body = new AnthropicRequestMapper("claude-test", settings(extras)).body(request);
        return Json.MAPPER.readTree(body);
    }

    private static JsonNode json(ChatRequest request) throws Exception {
        return json(request, Map.of());
    }

    @Test
    void plainPromptStreamsWithTheDefaultMaxTokensAndNothingElse() throws Exception {
        JsonNode body = json(ChatRequest.ofUser("Hi"));
        assertThat(body).isEqualTo(Json.MAPPER.readTree(
                "{\"model\":\"claude-test\",\"max_tokens\":4096,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                        + "\"stream\":true}"));
    }

    @Test
    void theNeutralThinkExtraBecomesAThinkingBudget() throws Exception {
        JsonNode high = json(ChatRequest.builder().user("Hi").extra(ChatRequest.EXTRA_THINK, "high").build());
        assertThat(high.path("thinking").path("budget_tokens").asInt()).isEqualTo(16_384);
        assertThat(high.path("max_tokens").asInt()).isEqualTo(4096 + 16_384);
        JsonNode on = json(ChatRequest.builder().user("Hi").extra(ChatRequest.EXTRA_THINK, "true").build());
        assertThat(on.path("thinking").path("budget_tokens").asInt()).isEqualTo(4096);
        JsonNode off = json(ChatRequest.builder().user("Hi").extra(ChatRequest.EXTRA_THINK, "false").build());
        assertThat(off.has("thinking")).isFalse();
    }

    @Test
    void systemMessagesBecomeTheTopLevelSystemString() throws Exception {
        JsonNode body = json(ChatRequest.builder().system("Be brief.").user("Hi").system("Use metric units.").build());
        assertThat(body.get("system").asText()).isEqualTo("Be brief.\n\nUse metric units.");
        assertThat(body.get("messages")).hasSize(1);
    }

    @Test
    void samplingSetsMaxTokensAndTemperatureButNoSeed() throws Exception {
        Sampling s = Sampling.DEFAULT.withMaxTokens(256).withTemperature(0.3).withSeed(42);
        JsonNode body = json(ChatRequest.builder().user("Hi").sampling(s).build());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.has("seed")).isFalse();
    }

    @Test
    void configuredDefaultMaxTokensAppliesWhenTheRequestSetsNone() throws Exception {
        assertThat(json(ChatRequest.ofUser("Hi"), Map.of("max_tokens", "1000")).get("max_tokens").asInt()).isEqualTo(1000);
    }

    @Test
    void rejectsTemperatureAboveOne() {
        ChatRequest r = ChatRequest.builder().user("Hi").sampling(Sampling.DEFAULT.withTemperature(1.5)).build();
        assertThatThrownBy(() -> json(r)).isInstanceOf(AnthropicRequestMapper.RejectedRequestException.class)
                .hasMessageContaining("temperature 1.5");
    }

    @Test
    void harnessAttributesAndOtherProvidersExtrasAreNeverSent() throws Exception {
        ChatRequest r = ChatRequest.builder().user("Hi").attribute(ChatRequest.ATTR_REFERENCE, "secret reference answer")
                .attribute(ChatRequest.ATTR_TEST, "t1").extra("num_ctx", "8192").build();
        String body = json(r).toString();
        assertThat(body).doesNotContain("secret reference answer").doesNotContain("llmbench").doesNotContain("num_ctx");
    }

    @Test
    void toolsBecomeNameDescriptionAndInputSchema() throws Exception {
        ChatRequest r = ChatRequest.builder().user("Weather in Oslo?")
                .tool(new ToolDefinition("get_weather", "Current weather", WEATHER_SCHEMA))
                .tool(new ToolDefinition("get_time", "", "{\"type\":\"object\",\"properties\":{}}")).build();
        JsonNode tools = json(r).get("tools");
        assertThat(tools).isEqualTo(Json.MAPPER.readTree("[{\"name\":\"get_weather\",\"description\":\"Current weather\","
                + "\"input_schema\":" + WEATHER_SCHEMA + "},{\"name\":\"get_time\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]"));
    }

    @Test
    void toolCallsBecomeToolUseBlocksAndParallelResultsShareOneUserTurn() throws Exception {
        ChatRequest r = ChatRequest.builder().user("Weather and time in Oslo?")
                .message(Message.assistant("Checking.", List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Oslo\"}"),
                        new ToolCall("toolu_2", "get_time", ""))))
                .message(Message.toolResult("toolu_1", "get_weather", "12 C"))
                .message(Message.toolResult("toolu_2", "get_time", "10:00"))
                .user("Thanks; summarise.")
                .build();
        JsonNode messages = json(r).get("messages");
        assertThat(messages).isEqualTo(Json.MAPPER.readTree("["
                + "{\"role\":\"user\",\"content\":\"Weather and time in Oslo?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Checking.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Oslo\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"get_time\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"12 C\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"content\":\"10:00\"},"
                + "{\"type\":\"text\",\"text\":\"Thanks; summarise.\"}]}]"));
    }

    @Test
    void assistantToolCallWithoutTextSendsNoEmptyTextBlock() throws Exception {
        ChatRequest r = ChatRequest.builder().user("Weather?")
                .message(Message.assistant("", List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Oslo\"}"))))
                .message(Message.toolResult("toolu_1", "get_weather", "12 C")).build();
        JsonNode assistant = json(r).get("messages").get(1).get("content");
        assertThat(assistant).hasSize(1);
        assertThat(assistant.get(0).get("type").asText()).isEqualTo("tool_use");
    }

    @Test
    void rejectsToolArgumentsThatAreNotAJsonObject() {
        ChatRequest r = ChatRequest.builder().user("x")
                .message(Message.assistant("", List.of(new ToolCall("toolu_1", "f", "[1,2")))).build();
        assertThatThrownBy(() -> json(r)).isInstanceOf(AnthropicRequestMapper.RejectedRequestException.class)
                .hasMessageContaining("toolu_1").hasMessageContaining("not a JSON object");
    }

    @Test
    void rejectsToolCallsAndResultsWithoutIds() {
        ChatRequest call = ChatRequest.builder().user("x")
                .message(Message.assistant("", List.of(new ToolCall("", "f", "{}")))).build();
        ChatRequest result = ChatRequest.builder().user("x").message(Message.toolResult("", "f", "1")).build();
        assertThatThrownBy(() -> json(call)).hasMessageContaining("no id");
        assertThatThrownBy(() -> json(result)).hasMessageContaining("no tool call id");
    }

    @Test
    void jsonFormatIsASystemInstructionBecauseTheApiHasNoJsonMode() throws Exception {
        JsonNode body = json(ChatRequest.builder().system("Be brief.").user("List 3 colours")
                .responseFormat(ResponseFormat.JSON).build());
        assertThat(body.get("system").asText()).isEqualTo("Be brief.\n\n" + AnthropicRequestMapper.JSON_INSTRUCTION);
        assertThat(body.has("output_config")).isFalse();
    }

    @Test
    void jsonSchemaIsQuotedInTheSystemInstructionByDefault() throws Exception {
        JsonNode body = json(ChatRequest.builder().user("Weather?")
                .responseFormat(new ResponseFormat.JsonSchema("weather", WEATHER_SCHEMA, true)).build());
        assertThat(body.get("system").asText()).startsWith(AnthropicRequestMapper.JSON_INSTRUCTION)
                .contains("\"weather\"").endsWith(WEATHER_SCHEMA);
        assertThat(body.has("output_config")).isFalse();
    }

    @Test
    void jsonSchemaUsesOutputConfigWhenNativeStructuredOutputsAreConfigured() throws Exception {
        JsonNode body = json(ChatRequest.builder().user("Weather?")
                .responseFormat(new ResponseFormat.JsonSchema("weather", WEATHER_SCHEMA, true)).build(),
                Map.of("structured_outputs", "native"));
        assertThat(body.get("output_config")).isEqualTo(Json.MAPPER.readTree(
                "{\"format\":{\"type\":\"json_schema\",\"schema\":" + WEATHER_SCHEMA + "}}"));
        assertThat(body.has("system")).isFalse();
    }

    @Test
    void thinkingBudgetEnablesThinkingAndRaisesTheDefaultMaxTokens() throws Exception {
        JsonNode body = json(ChatRequest.ofUser("Think."), Map.of("thinking_budget", "2048"));
        assertThat(body.get("thinking")).isEqualTo(Json.MAPPER.readTree("{\"type\":\"enabled\",\"budget_tokens\":2048}"));
        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096 + 2048);
    }

    @Test
    void requestExtrasOverrideConfiguredThinkingAndSampling() throws Exception {
        ChatRequest r = ChatRequest.builder().user("x").extra("thinking_budget", "0").extra("top_k", "5")
                .extra("top_p", "0.9").sampling(Sampling.DEFAULT.withMaxTokens(100)).build();
        Map<String, String> config = new HashMap<>(Map.of("thinking_budget", "2048", "top_k", "40"));
        JsonNode body = json(r, config);
        assertThat(body.has("thinking")).isFalse();
        assertThat(body.get("top_k").asInt()).isEqualTo(5);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
    }

    @Test
    void rejectsABadRequestExtraValue() {
        ChatRequest r = ChatRequest.builder().user("x").extra("thinking_budget", "500").build();
        assertThatThrownBy(() -> json(r)).isInstanceOf(AnthropicRequestMapper.RejectedRequestException.class)
                .hasMessageContaining("thinking_budget").hasMessageContaining("1024");
    }
}
