package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OllamaWireTest {

    private final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private static final String CHAT = "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi there\"}]}";

    @Test
    void streamsNdjsonWithThinkingFirstAndFinalMetricsInNanoseconds() {
        server.enqueue(Reply.text("Hello world").reasoning("Let me think").usage(26, 2));

        HttpResponse<String> resp = Wire.post(server.ollamaUrl() + "/api/chat", CHAT);

        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(resp.body()).endsWith("}\n");
        List<JsonNode> lines = Wire.ndjson(resp.body());
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0).path("message").path("thinking").asText()).isEqualTo("Let");
        assertThat(lines.get(0).path("message").path("content").asText()).isEmpty();
        assertThat(lines.get(2).path("message").path("thinking").asText()).isEqualTo(" think");
        assertThat(lines.get(3).path("message").path("content").asText()).isEqualTo("Hello");
        assertThat(lines.get(3).path("message").has("thinking")).isFalse();
        assertThat(lines.get(4).path("message").path("content").asText()).isEqualTo(" world");
        assertThat(lines.get(4).path("model").asText()).isEqualTo("llama3.2");
        assertThat(lines.get(4).path("created_at").asText()).endsWith("Z");
        assertThat(lines.subList(0, 5)).allSatisfy(l -> assertThat(l.path("done").asBoolean()).isFalse());
        JsonNode done = lines.get(5);
        assertThat(done.path("done").asBoolean()).isTrue();
        assertThat(done.path("done_reason").asText()).isEqualTo("stop");
        assertThat(done.path("message").path("content").asText()).isEmpty();
        assertThat(done.path("prompt_eval_count").asInt()).isEqualTo(26);
        assertThat(done.path("eval_count").asInt()).isEqualTo(2);
        for (String metric : List.of("total_duration", "load_duration", "prompt_eval_duration", "eval_duration")) {
            assertThat(done.path(metric).isIntegralNumber()).as(metric).isTrue();
            assertThat(done.path(metric).asLong()).as(metric).isPositive();
        }
    }

    @Test
    void measuredTotalDurationCoversTheScheduledDelays() {
        // eval_duration is last minus first write; a late first write may shorten it, so only total is bounded
        server.enqueue(Reply.text("a b c").delayBeforeFirstChunk(Duration.ofMillis(20)).interChunkDelay(Duration.ofMillis(30)));

        List<JsonNode> lines = Wire.ndjson(Wire.post(server.ollamaUrl() + "/api/chat", CHAT).body());

        assertThat(lines.get(3).path("total_duration").asLong()).isGreaterThanOrEqualTo(80_000_000L);
        assertThat(lines.get(3).path("eval_duration").asLong()).isPositive();
    }

    @Test
    void fixedAndCloudStyleTimings() {
        server.enqueue(Reply.text("x").serverTimings(ServerTimings.of(Duration.ofSeconds(4), Duration.ofMillis(1),
                Duration.ofMillis(342), Duration.ZERO)));
        server.enqueue(Reply.text("x").serverTimings(ServerTimings.cloudStyle(Duration.ofMillis(1500))));
        server.enqueue(Reply.text("x").serverTimings(ServerTimings.omitted()));

        JsonNode fixed = last(Wire.post(server.ollamaUrl() + "/api/chat", CHAT).body());
        JsonNode cloud = last(Wire.post(server.ollamaUrl() + "/api/chat", CHAT).body());
        JsonNode none = last(Wire.post(server.ollamaUrl() + "/api/chat", CHAT).body());

        assertThat(fixed.path("total_duration").asLong()).isEqualTo(4_000_000_000L);
        assertThat(fixed.path("prompt_eval_duration").asLong()).isEqualTo(342_000_000L);
        assertThat(fixed.has("eval_duration")).as("omitempty").isFalse();
        assertThat(cloud.path("total_duration").asLong()).isEqualTo(1_500_000_000L);
        assertThat(cloud.has("load_duration") || cloud.has("prompt_eval_duration") || cloud.has("eval_duration")).isFalse();
        assertThat(cloud.has("eval_count")).isTrue();
        assertThat(none.has("total_duration") || none.has("eval_count")).isFalse();
        assertThat(none.path("done").asBoolean()).isTrue();
    }

    @Test
    void toolCallsArriveWholeWithObjectArgumentsAndOptionalIds() {
        server.enqueue(Reply.empty().toolCall("get_weather", "{\"city\":\"Paris\",\"unit\":\"C\"}")
                .toolCall(ToolCall.of("get_time", "{\"tz\":\"CET\"}").withId("call_mo1wm122")));

        List<JsonNode> lines = Wire.ndjson(Wire.post(server.ollamaUrl() + "/api/chat", CHAT).body());

        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0).path("message").path("tool_calls").get(0);
        assertThat(first.has("id")).isFalse();
        assertThat(first.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(first.path("function").path("arguments").isObject()).isTrue();
        assertThat(first.path("function").path("arguments").toString()).isEqualTo("{\"city\":\"Paris\",\"unit\":\"C\"}");
        JsonNode second = lines.get(1).path("message").path("tool_calls").get(0);
        assertThat(second.path("id").asText()).isEqualTo("call_mo1wm122");
        assertThat(second.path("function").path("index").asInt()).isEqualTo(1);
        assertThat(lines.get(2).path("done_reason").asText()).as("Ollama says stop, not tool_calls").isEqualTo("stop");
    }

    @Test
    void nonStreamingReturnsOneAggregatedObject() {
        server.enqueue(Reply.text("Hello world").reasoning("hmm").toolCall("f", "{}"));

        HttpResponse<String> resp = Wire.post(server.ollamaUrl() + "/api/chat",
                "{\"model\":\"m\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(resp.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(resp.body()).doesNotContain("\n");
        JsonNode o = Wire.json(resp.body());
        assertThat(o.path("message").path("content").asText()).isEqualTo("Hello world");
        assertThat(o.path("message").path("thinking").asText()).isEqualTo("hmm");
        assertThat(o.path("message").path("tool_calls")).hasSize(1);
        assertThat(o.path("done").asBoolean()).isTrue();
        assertThat(o.path("eval_duration").asLong()).isPositive();
    }

    @Test
    void generateStreamsResponsePiecesAndContext() {
        List<JsonNode> lines = Wire.ndjson(Wire.post(server.ollamaUrl() + "/api/generate",
                "{\"model\":\"m\",\"prompt\":\"echo me\"}").body());

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("response").asText() + lines.get(1).path("response").asText()).isEqualTo("echo me");
        assertThat(lines.get(2).path("context").isArray()).isTrue();
        assertThat(lines.get(2).path("response").asText()).isEmpty();
    }

    @Test
    void midStreamErrorLineEndsTheStreamWithoutDoneObject() {
        server.enqueue(Reply.text("one two three").errorAfterChunks(1, "an error was encountered while running the model"));

        HttpResponse<String> resp = Wire.post(server.ollamaUrl() + "/api/chat", CHAT);

        assertThat(resp.statusCode()).isEqualTo(200);
        List<JsonNode> lines = Wire.ndjson(resp.body());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).toString()).isEqualTo("{\"error\":\"an error was encountered while running the model\"}");
        assertThat(resp.body()).doesNotContain("\"done\":true");
    }

    @Test
    void catalogDrivesNotFoundToolsCapabilityAndInfoEndpoints() {
        server.addModel(FakeModel.of("llama3.2:latest").withContextLength(131072)
                .withCapabilities("completion", "tools"), FakeModel.of("gemma3:1b").withCapabilities("completion"));

        HttpResponse<String> missing = Wire.post(server.ollamaUrl() + "/api/chat",
                "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        HttpResponse<String> noTools = Wire.post(server.ollamaUrl() + "/api/chat",
                "{\"model\":\"gemma3:1b\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        HttpResponse<String> tags = Wire.get(server.ollamaUrl() + "/api/tags");
        HttpResponse<String> show = Wire.post(server.ollamaUrl() + "/api/show", "{\"model\":\"llama3.2\"}");
        HttpResponse<String> showMissing = Wire.post(server.ollamaUrl() + "/api/show", "{\"model\":\"x\"}");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"model 'nope' not found\"}");
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(noTools.statusCode()).isEqualTo(400);
        assertThat(noTools.body()).isEqualTo("{\"error\":\"gemma3:1b does not support tools\"}");
        assertThat(Wire.json(tags.body()).path("models").findValuesAsText("name")).containsExactly("llama3.2:latest", "gemma3:1b");
        assertThat(Wire.json(tags.body()).path("models").get(0).path("size").isIntegralNumber()).isTrue();
        JsonNode s = Wire.json(show.body());
        assertThat(s.path("model_info").path("llama.context_length").asInt()).isEqualTo(131072);
        assertThat(s.path("capabilities").toString()).isEqualTo("[\"completion\",\"tools\"]");
        assertThat(showMissing.statusCode()).isEqualTo(404);
        assertThat(server.pendingReplies()).isZero();
    }

    @Test
    void rootVersionAndLoadRequests() {
        assertThat(Wire.get(server.baseUrl() + "/").body()).isEqualTo("Ollama is running");
        assertThat(Wire.json(Wire.get(server.baseUrl() + "/api/version").body()).path("version").asText()).isNotBlank();
        JsonNode load = Wire.json(Wire.post(server.ollamaUrl() + "/api/chat", "{\"model\":\"m\",\"messages\":[]}").body());
        assertThat(load.path("done_reason").asText()).isEqualTo("load");
        JsonNode unload = Wire.json(Wire.post(server.ollamaUrl() + "/api/generate",
                "{\"model\":\"m\",\"keep_alive\":0}").body());
        assertThat(unload.path("done_reason").asText()).isEqualTo("unload");
        assertThat(Wire.get(server.baseUrl() + "/nope").statusCode()).isEqualTo(404);
    }

    private static JsonNode last(String ndjson) {
        List<JsonNode> lines = Wire.ndjson(ndjson);
        return lines.get(lines.size() - 1);
    }
}
