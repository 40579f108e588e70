package dev.llmbench.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.providers.internal.http.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCompletionsRequestTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void mapsAToolConversationWithArgumentsAsJsonStrings() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .system("Be brief.")
                .user("Weather in Paris?")
                .message(Message.assistant("", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))))
                .message(Message.toolResult("call_1", "get_weather", "{\"temp\":21}"))
                .message(Message.assistant("It is 21 degrees.", List.of(new ToolCall("call_2", "f", "{}"))))
                .attribute(ChatRequest.ATTR_TEST, "tool_use")
                .attribute(ChatRequest.ATTR_REFERENCE, "secret reference")
                .build();

        JsonNode body = ChatCompletionsRequest.body("gpt-4o-mini", request, Map.of(), true, "max_tokens");

        assertThat(body).isEqualTo(json("""
                {"model":"gpt-4o-mini","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":"Weather in Paris?"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","content":"{\\"temp\\":21}","tool_call_id":"call_1"},
                  {"role":"assistant","content":"It is 21 degrees.","tool_calls":[{"id":"call_2","type":"function",
                    "function":{"name":"f","arguments":"{}"}}]}],
                 "stream":true,"stream_options":{"include_usage":true}}
                """));
        assertThat(body.toString()).doesNotContain("secret reference").doesNotContain("tool_use");
    }

    @Test
    void mapsSamplingToolsAndAStrictJsonSchema() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .user("hi")
                .sampling(Sampling.DEFAULT.withTemperature(0.2).withSeed(7).withMaxTokens(64))
                .responseFormat(new ResponseFormat.JsonSchema("answer", "{\"type\":\"object\"}", true))
                .tool(new ToolDefinition("add", "Adds.", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"}}}"))
                .tool(new ToolDefinition("noop", "", "{\"type\":\"object\"}"))
                .build();

        JsonNode body = ChatCompletionsRequest.body("m", request, Map.of(), false, "max_completion_tokens");

        assertThat(body.has("stream_options")).isFalse();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("seed").asLong()).isEqualTo(7);
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(64);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.get("response_format")).isEqualTo(json(
                "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\",\"strict\":true,\"schema\":{\"type\":\"object\"}}}"));
        assertThat(body.get("tools")).isEqualTo(json("""
                [{"type":"function","function":{"name":"add","description":"Adds.",
                  "parameters":{"type":"object","properties":{"a":{"type":"number"}}}}},
                 {"type":"function","function":{"name":"noop","parameters":{"type":"object"}}}]
                """));
    }

    @Test
    void asksForAJsonObjectInJsonMode() {
        JsonNode body = ChatCompletionsRequest.body("m",
                ChatRequest.builder().user("json please").responseFormat(ResponseFormat.JSON).build(), Map.of(), true, "max_tokens");
        assertThat(body.get("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
    }

    @Test
    void omitsEverythingUnsetAndSendsTextFormatAsNothing() {
        JsonNode body = ChatCompletionsRequest.body("m", ChatRequest.ofUser("x"), Map.of(), true, "max_tokens");
        assertThat(body.fieldNames()).toIterable().containsExactly("model", "messages", "stream", "stream_options");
    }

    @Test
    void setsPassThroughFieldsLastSoThatTheyWin() {
        JsonNode body = ChatCompletionsRequest.body("m",
                ChatRequest.builder().user("x").sampling(Sampling.DEFAULT.withTemperature(1)).build(),
                Map.of("temperature", TextNode.valueOf("hot"), "reasoning_effort", TextNode.valueOf("low")), true, "max_tokens");
        assertThat(body.get("temperature").asText()).isEqualTo("hot");
        assertThat(body.get("reasoning_effort").asText()).isEqualTo("low");
    }

    @Test
    void rejectsToolParametersThatAreNotAJsonObject() {
        ChatRequest request = ChatRequest.builder().user("x").tool(new ToolDefinition("t", "", "[1]")).build();
        assertThatThrownBy(() -> ChatCompletionsRequest.body("m", request, Map.of(), true, "max_tokens"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tool \"t\"");
        ChatRequest broken = ChatRequest.builder().user("x")
                .responseFormat(new ResponseFormat.JsonSchema("s", "{not json", false)).build();
        assertThatThrownBy(() -> ChatCompletionsRequest.body("m", broken, Map.of(), true, "max_tokens"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response schema \"s\"");
    }
}
