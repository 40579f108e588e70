package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicWireTest {

    private final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private static final String STREAM = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":true,"
            + "\"system\":\"be brief\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}]}";

    @Test
    void streamsTheMessagesEventSequence() {
        server.enqueue(Reply.text("Hello world").reasoning("hmm").toolCall(ToolCall.of("get_weather",
                "{\"city\":\"Paris\"}").withId("toolu_01A").withFragments("{\"city\":", "\"Paris\"}")).usage(25, 9));

        HttpResponse<String> resp = Wire.post(server.anthropicUrl() + "/v1/messages", STREAM);

        assertThat(resp.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        List<Wire.Sse> events = Wire.sse(resp.body());
        assertThat(events).allSatisfy(e -> assertThat(e.json().path("type").asText()).isEqualTo(e.event()));
        assertThat(events.stream().map(Wire.Sse::event).toList()).containsExactly(
                "message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        JsonNode start = events.get(0).json().path("message");
        assertThat(start.path("usage").path("input_tokens").asInt()).isEqualTo(25);
        assertThat(start.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(events.get(2).json().path("content_block").path("type").asText()).isEqualTo("thinking");
        assertThat(events.get(3).json().path("delta").path("type").asText()).isEqualTo("thinking_delta");
        assertThat(events.get(4).json().path("delta").path("type").asText()).isEqualTo("signature_delta");
        assertThat(events.get(6).json().path("index").asInt()).isEqualTo(1);
        assertThat(events.get(7).json().path("delta").path("text").asText()).isEqualTo("Hello");
        JsonNode tool = events.get(10).json().path("content_block");
        assertThat(tool.path("type").asText()).isEqualTo("tool_use");
        assertThat(tool.path("id").asText()).isEqualTo("toolu_01A");
        assertThat(events.get(11).json().path("delta").path("partial_json").asText()
                + events.get(12).json().path("delta").path("partial_json").asText()).isEqualTo("{\"city\":\"Paris\"}");
        JsonNode delta = events.get(14).json();
        assertThat(delta.path("delta").path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(delta.path("usage").path("output_tokens").asInt()).isEqualTo(9);
    }

    @Test
    void errorEventMidStreamAndErrorBodies() {
        server.enqueue(Reply.text("a b").errorAfterChunks(1, "overloaded_error", "Overloaded"));
        server.enqueue(Reply.error(529, "Overloaded"));

        List<Wire.Sse> events = Wire.sse(Wire.post(server.anthropicUrl() + "/v1/messages", STREAM).body());
        HttpResponse<String> status = Wire.post(server.anthropicUrl() + "/v1/messages", STREAM);

        Wire.Sse last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("error");
        assertThat(last.data()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertThat(events).noneMatch(e -> "message_stop".equals(e.event()));
        assertThat(status.statusCode()).isEqualTo(529);
        assertThat(status.body()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
    }

    @Test
    void nonStreamingMessage() {
        server.enqueue(Reply.text("Hello").finishReason("length"));

        JsonNode o = Wire.json(Wire.post(server.anthropicUrl() + "/v1/messages",
                STREAM.replace("\"stream\":true", "\"stream\":false")).body());

        assertThat(o.path("type").asText()).isEqualTo("message");
        assertThat(o.path("content").get(0).path("text").asText()).isEqualTo("Hello");
        assertThat(o.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(o.path("usage").path("output_tokens").asInt()).isEqualTo(1);
    }
}
