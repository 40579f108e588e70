package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenRouterWireTest {

    private final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private static final String STREAM = "{\"model\":\"openai/gpt-5.4-nano\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Olá\"}]}";
    private static final String NON_STREAM = STREAM.replace("\"stream\":true", "\"stream\":false");

    @Test
    void streamHasCommentsRoleOnEveryDeltaAndUsageWithCostOnAChunkThatStillHasChoices() {
        server.enqueue(Reply.text("Olá mundo").reasoning("hmm").model("openai/gpt-5.4-nano-20260317")
                .provider("OpenAI").nativeFinishReason("completed").usage(19, 7).cost(0.00001255));

        HttpResponse<String> resp = Wire.post(server.openRouterUrl() + "/chat/completions", STREAM);

        assertThat(resp.body()).startsWith(": OPENROUTER PROCESSING\n\n");
        List<Wire.Sse> all = Wire.sse(resp.body());
        assertThat(all.get(0).comment()).isEqualTo("OPENROUTER PROCESSING");
        List<Wire.Sse> events = Wire.events(all);
        assertThat(events).hasSize(6); // reasoning, 2 content, finish, finish+usage, [DONE]
        for (Wire.Sse e : events.subList(0, 5)) {
            JsonNode chunk = e.json();
            assertThat(chunk.path("id").asText()).startsWith("gen-");
            assertThat(chunk.path("model").asText()).isEqualTo("openai/gpt-5.4-nano-20260317");
            assertThat(chunk.path("provider").asText()).isEqualTo("OpenAI");
            assertThat(chunk.path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
            assertThat(chunk.path("choices").get(0).has("native_finish_reason")).isTrue();
        }
        JsonNode reasoning = events.get(0).json().path("choices").get(0).path("delta");
        assertThat(reasoning.path("reasoning").asText()).isEqualTo("hmm");
        assertThat(reasoning.path("reasoning_details").get(0).path("type").asText()).isEqualTo("reasoning.text");
        assertThat(events.get(1).json().path("choices").get(0).path("delta").path("content").asText()).isEqualTo("Olá");
        JsonNode finish = events.get(3).json();
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.path("choices").get(0).path("native_finish_reason").asText()).isEqualTo("completed");
        assertThat(finish.has("usage")).isFalse();
        JsonNode usageChunk = events.get(4).json();
        assertThat(usageChunk.path("choices")).hasSize(1);
        assertThat(usageChunk.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(usageChunk.path("usage").path("cost").decimalValue()).isEqualByComparingTo("0.00001255");
        assertThat(resp.body()).contains("\"cost\":0.00001255");
        assertThat(usageChunk.path("usage").path("total_tokens").asInt()).isEqualTo(26);
        assertThat(events.get(5).data()).isEqualTo("[DONE]");
    }

    @Test
    void commentsBetweenChunksOnRequest() {
        server.enqueue(Reply.text("a b c").keepAlive(2).keepAliveBetweenChunks());

        List<Wire.Sse> all = Wire.sse(Wire.post(server.openRouterUrl() + "/chat/completions", STREAM).body());

        assertThat(all.get(0).isComment()).isTrue();
        assertThat(all.get(1).isComment()).isTrue();
        assertThat(all.get(2).isComment()).isFalse();
        assertThat(all.get(3).isComment()).isTrue();
        assertThat(all.stream().filter(Wire.Sse::isComment).count()).isEqualTo(4);
    }

    @Test
    void toolCallDeltasHaveNullContent() {
        server.enqueue(Reply.empty().toolCall("multiply", "{\"a\":2,\"b\":3}"));

        List<Wire.Sse> events = Wire.events(Wire.sse(Wire.post(server.openRouterUrl() + "/chat/completions", STREAM).body()));

        JsonNode delta = events.get(0).json().path("choices").get(0).path("delta");
        assertThat(delta.path("content").isNull()).isTrue();
        assertThat(delta.path("tool_calls").get(0).path("function").path("name").asText()).isEqualTo("multiply");
        assertThat(events.get(events.size() - 2).json().path("choices").get(0).path("finish_reason").asText())
                .isEqualTo("tool_calls");
    }

    @Test
    void midStreamErrorWithIntegerOrStringCodeAndFinishReasonError() {
        server.enqueue(Reply.text("a b").errorAfterChunks(1, 429, "Rate limit exceeded"));
        server.enqueue(Reply.text("a b").errorAfterChunks(0, "server_error", "Internal"));

        List<Wire.Sse> first = Wire.events(Wire.sse(Wire.post(server.openRouterUrl() + "/chat/completions", STREAM).body()));
        List<Wire.Sse> second = Wire.events(Wire.sse(Wire.post(server.openRouterUrl() + "/chat/completions", STREAM).body()));

        JsonNode err = first.get(first.size() - 1).json();
        assertThat(err.path("error").path("code").isInt()).isTrue();
        assertThat(err.path("error").path("code").asInt()).isEqualTo(429);
        assertThat(err.path("error").path("metadata").path("error_type").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(err.path("choices").get(0).path("finish_reason").asText()).isEqualTo("error");
        assertThat(first).hasSize(2);
        JsonNode err2 = second.get(0).json();
        assertThat(err2.path("error").path("code").isTextual()).isTrue();
        assertThat(err2.path("error").path("code").asText()).isEqualTo("server_error");
    }

    @Test
    void nonStreamBodyIsPrecededByWhitespaceKeepAlive() {
        server.enqueue(Reply.text("Hi").cost(0.5));

        HttpResponse<String> resp = Wire.post(server.openRouterUrl() + "/chat/completions", NON_STREAM);

        assertThat(resp.body()).startsWith("\n         \n");
        assertThat(resp.body().indexOf('{')).isEqualTo(99);
        JsonNode o = Wire.json(resp.body());
        assertThat(o.path("choices").get(0).path("native_finish_reason").asText()).isEqualTo("stop");
        assertThat(o.path("provider").asText()).isNotBlank();
        assertThat(o.path("usage").path("cost").asDouble()).isEqualTo(0.5);
    }

    @Test
    void rateLimitedHasHeadersAndMetadataHeaders() {
        server.enqueue(Reply.rateLimited(Duration.ofMillis(1500)));
        long before = System.currentTimeMillis();

        HttpResponse<String> resp = Wire.post(server.openRouterUrl() + "/chat/completions", STREAM);

        assertThat(resp.statusCode()).isEqualTo(429);
        assertThat(resp.headers().firstValue("Retry-After")).hasValue("2");
        long reset = Long.parseLong(resp.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertThat(reset).isGreaterThanOrEqualTo(before + 1500);
        JsonNode error = Wire.json(resp.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(429);
        assertThat(error.path("metadata").path("headers").path("X-RateLimit-Reset").asText()).isEqualTo(Long.toString(reset));
        assertThat(Wire.json(resp.body()).path("user_id").asText()).isNotBlank();
    }

    @Test
    void modelsListPricingAsDecimalStrings() {
        server.addModel(FakeModel.of("openai/gpt-4").withContextLength(8192).withPricing("0.00003", "0.00006"));

        JsonNode m = Wire.json(Wire.get(server.openRouterUrl() + "/models").body()).path("data").get(0);

        assertThat(m.path("id").asText()).isEqualTo("openai/gpt-4");
        assertThat(m.path("context_length").asInt()).isEqualTo(8192);
        assertThat(m.path("pricing").path("prompt").isTextual()).isTrue();
        assertThat(m.path("pricing").path("prompt").asText()).isEqualTo("0.00003");
        assertThat(m.path("pricing").path("completion").asText()).isEqualTo("0.00006");
    }
}
