package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiWireTest {

    private final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private static String request(boolean stream, boolean includeUsage) {
        return "{\"model\":\"gpt-4o-mini\",\"stream\":" + stream
                + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    @Test
    void streamsRoleChunkDeltasEmptyDeltaFinishUsageWithEmptyChoicesAndDone() {
        server.enqueue(Reply.text("Hello world").reasoning("think").usage(19, 7));

        HttpResponse<String> resp = Wire.post(server.openAiUrl() + "/chat/completions", request(true, true));

        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(resp.body()).startsWith("data: {").endsWith("data: [DONE]\n\n");
        List<Wire.Sse> events = Wire.sse(resp.body());
        assertThat(events).noneMatch(Wire.Sse::isComment);
        assertThat(events).hasSize(7);
        JsonNode role = events.get(0).json();
        assertThat(role.path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(role.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(role.has("usage") && role.path("usage").isNull()).as("usage:null on other chunks").isTrue();
        assertThat(events.get(1).json().path("choices").get(0).path("delta").path("reasoning").asText()).isEqualTo("think");
        assertThat(events.get(2).json().path("choices").get(0).path("delta").path("content").asText()).isEqualTo("Hello");
        assertThat(events.get(3).json().path("choices").get(0).path("delta").has("role")).isFalse();
        JsonNode finish = events.get(4).json().path("choices").get(0);
        assertThat(finish.path("delta").toString()).isEqualTo("{}");
        assertThat(finish.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = events.get(5).json();
        assertThat(usage.path("choices").toString()).isEqualTo("[]");
        assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(19);
        assertThat(usage.path("usage").path("total_tokens").asInt()).isEqualTo(26);
        assertThat(events.get(6).data()).isEqualTo("[DONE]");
        String id = role.path("id").asText();
        assertThat(events.subList(0, 6)).allSatisfy(e -> assertThat(e.json().path("id").asText()).isEqualTo(id));
    }

    @Test
    void noUsageChunkWithoutIncludeUsage() {
        List<Wire.Sse> events = Wire.sse(Wire.post(server.openAiUrl() + "/chat/completions", request(true, false)).body());

        assertThat(events).hasSize(4); // role, "Hi", finish, [DONE]
        assertThat(events.get(0).json().has("usage")).isFalse();
        assertThat(events.get(1).json().path("choices").get(0).path("delta").path("content").asText()).isEqualTo("Hi");
    }

    @Test
    void toolCallsStreamAsIndexedFragmentsWithIdAndNameFirst() {
        server.enqueue(Reply.empty().toolCall(ToolCall.of("get_weather", "{\"city\":\"Paris\"}")
                .withFragments("{\"ci", "ty\":", "\"Paris\"}")).toolCall("noop", "{}"));

        List<Wire.Sse> events = Wire.sse(Wire.post(server.openAiUrl() + "/chat/completions", request(true, false)).body());

        JsonNode start = events.get(1).json().path("choices").get(0).path("delta").path("tool_calls").get(0);
        assertThat(start.path("index").asInt()).isZero();
        assertThat(start.path("id").asText()).startsWith("call_");
        assertThat(start.path("type").asText()).isEqualTo("function");
        assertThat(start.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(start.path("function").path("arguments").asText()).isEmpty();
        StringBuilder args = new StringBuilder();
        for (int i = 2; i <= 4; i++) {
            JsonNode frag = events.get(i).json().path("choices").get(0).path("delta").path("tool_calls").get(0);
            assertThat(frag.has("id")).isFalse();
            args.append(frag.path("function").path("arguments").asText());
        }
        assertThat(args.toString()).isEqualTo("{\"city\":\"Paris\"}");
        JsonNode second = events.get(5).json().path("choices").get(0).path("delta").path("tool_calls").get(0);
        assertThat(second.path("index").asInt()).isEqualTo(1);
        JsonNode finish = events.get(events.size() - 2).json().path("choices").get(0);
        assertThat(finish.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(finish.path("delta").toString()).isEqualTo("{}");
    }

    @Test
    void nonStreamingIsOneChatCompletion() {
        server.enqueue(Reply.text("Hello world").usage(3, 2).finishReason("length"));

        HttpResponse<String> resp = Wire.post(server.openAiUrl() + "/chat/completions", request(false, false));

        JsonNode o = Wire.json(resp.body());
        assertThat(o.path("object").asText()).isEqualTo("chat.completion");
        assertThat(o.path("choices").get(0).path("message").path("content").asText()).isEqualTo("Hello world");
        assertThat(o.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(o.path("usage").path("completion_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void errorsArePrettyPrintedJsonEvenForStreamingRequests() {
        server.enqueue(Reply.error(401, "Incorrect API key provided: sk-...abcd."));

        HttpResponse<String> resp = Wire.post(server.openAiUrl() + "/chat/completions", request(true, true));

        assertThat(resp.statusCode()).isEqualTo(401);
        assertThat(resp.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(resp.body()).isEqualTo("{\n    \"error\": {\n        \"message\": \"Incorrect API key provided: sk-...abcd.\",\n"
                + "        \"type\": \"invalid_request_error\",\n        \"param\": null,\n"
                + "        \"code\": \"invalid_api_key\"\n    }\n}\n");
    }

    @Test
    void unknownModelAndModelList() {
        server.addModel(FakeModel.of("llama3.2:latest"));

        HttpResponse<String> missing = Wire.post(server.openAiUrl() + "/chat/completions", request(false, false));
        JsonNode models = Wire.json(Wire.get(server.openAiUrl() + "/models").body());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Wire.json(missing.body()).path("error").path("code").asText()).isEqualTo("model_not_found");
        assertThat(models.path("object").asText()).isEqualTo("list");
        assertThat(models.path("data").get(0).path("id").asText()).isEqualTo("llama3.2:latest");
        assertThat(models.path("data").get(0).path("object").asText()).isEqualTo("model");
    }

    @Test
    void midStreamErrorEventCarriesErrorObject() {
        server.enqueue(Reply.text("a b").errorAfterChunks(1, "boom"));

        List<Wire.Sse> events = Wire.sse(Wire.post(server.openAiUrl() + "/chat/completions", request(true, false)).body());

        JsonNode last = events.get(events.size() - 1).json();
        assertThat(last.path("error").path("message").asText()).isEqualTo("boom");
        assertThat(events).noneMatch(e -> "[DONE]".equals(e.data()));
    }
}
