package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScriptingTest {

    private final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private String ask(String model, String content) {
        String body = Wire.post(server.openAiUrl() + "/chat/completions", "{\"model\":\"" + model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}").body();
        return Wire.json(body).path("choices").get(0).path("message").path("content").asText();
    }

    @Test
    void defaultReplyEchoesTheLastUserMessage() {
        assertThat(ask("m", "ping pong")).isEqualTo("ping pong");
        server.defaultReply(Reply.text("fixed"));
        assertThat(ask("m", "ping")).isEqualTo("fixed");
    }

    @Test
    void queueBeatsRulesAndLaterRulesBeatEarlierOnes() {
        server.when(RequestMatcher.model("a")).reply(Reply.text("rule-a"));
        server.when(RequestMatcher.model("a").contentContains("weather")).reply(Reply.text("rule-weather"));
        server.enqueue(Reply.text("queued-1"), Reply.text("queued-2"));

        assertThat(ask("a", "weather")).isEqualTo("queued-1");
        assertThat(ask("b", "x")).isEqualTo("queued-2");
        assertThat(ask("a", "weather today")).isEqualTo("rule-weather");
        assertThat(ask("a", "other")).isEqualTo("rule-a");
        assertThat(ask("a", "other")).as("rules persist").isEqualTo("rule-a");
        assertThat(ask("b", "other")).isEqualTo("other");
        assertThat(server.pendingReplies()).isZero();
    }

    @Test
    void matchersCombineConditions() {
        RecordedRequest r = new RecordedRequest(0, 1, "POST", "/api/chat?x=1", java.util.Map.of("X-Key",
                List.of("v")), "{\"model\":\"m\",\"tools\":[{}],\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), WireFormat.OLLAMA, 0);

        assertThat(RequestMatcher.model("m").hasTools().streaming(true).header("x-key", "v").matches(r)).isTrue();
        assertThat(RequestMatcher.path("/api/chat").lastUserMessageContains("hell").matches(r)).isTrue();
        assertThat(RequestMatcher.wireFormat(WireFormat.OPENAI).matches(r)).isFalse();
        assertThat(RequestMatcher.any().modelIs("other").matches(r)).isFalse();
        assertThat(RequestMatcher.model("m").contentContains("hello").toString())
                .isEqualTo("RequestMatcher[model m and content contains \"hello\"]");
    }

    @Test
    void recordsRequestsWithCaseInsensitiveHeadersRawBodyAndJson() {
        String body = "{\"model\":\"m\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hé\"}]}";
        Wire.send(HttpRequest.newBuilder(URI.create(server.ollamaUrl() + "/api/chat?trace=1"))
                .header("Authorization", "Bearer sk-test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        RecordedRequest r = server.takeRequest(Duration.ofSeconds(5)).orElseThrow();

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/chat");
        assertThat(r.target()).isEqualTo("/api/chat?trace=1");
        assertThat(r.header("authorization")).hasValue("Bearer sk-test");
        assertThat(r.headers().get("CONTENT-TYPE")).containsExactly("application/json");
        assertThat(r.bodyText()).isEqualTo(body);
        JsonNode json = r.json();
        assertThat(json.path("messages").get(0).path("content").asText()).isEqualTo("hé");
        assertThat(r.model()).hasValue("m");
        assertThat(r.stream()).isFalse();
        assertThat(r.wireFormat()).isEqualTo(WireFormat.OLLAMA);
        assertThat(r.lastUserMessage()).hasValue("hé");
        assertThat(server.requests()).containsExactly(r);
        assertThat(server.takeRequest(Duration.ofMillis(10))).isEmpty();
        RecordedExchange ex = server.takeExchange(Duration.ofSeconds(5)).orElseThrow();
        assertThat(ex.request()).isSameAs(r);
        assertThat(ex.status()).isEqualTo(200);
        assertThat(ex.outcome()).isEqualTo(RecordedExchange.Outcome.COMPLETED);
    }

    @Test
    void acceptsChunkedRequestBodies() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            String json = "{\"model\":\"m\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"chunky\"}]}";
            String req = "POST /api/chat HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(10) + "\r\n" + json.substring(0, 10) + "\r\n"
                    + Integer.toHexString(json.length() - 10) + ";ext=1\r\n" + json.substring(10) + "\r\n0\r\n\r\n";
            s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Wire.RawResponse resp = Wire.readResponse(s.getInputStream());
            assertThat(Wire.json(resp.text()).path("message").path("content").asText()).isEqualTo("chunky");
        }
        assertThat(server.requests().get(0).json().path("messages").get(0).path("content").asText()).isEqualTo("chunky");
    }

    @Test
    void servesConcurrentRequests() throws Exception {
        server.defaultReply(Reply.echo().interChunkDelay(Duration.ofMillis(5)));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String word = "w" + i;
                answers.add(pool.submit(() -> ask("m", word + " x")));
            }
            for (int i = 0; i < 32; i++) {
                assertThat(answers.get(i).get()).isEqualTo("w" + i + " x");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requestCount()).isEqualTo(32);
    }

    @Test
    void resetForgetsEverything() {
        server.enqueue(Reply.text("x"));
        server.addModel(FakeModel.of("only"));
        ask("only", "a");
        server.enqueue(Reply.text("y"));

        server.reset();

        assertThat(server.requests()).isEmpty();
        assertThat(server.pendingReplies()).isZero();
        assertThat(ask("anything", "back to echo")).isEqualTo("back to echo");
    }

    @Test
    void replyValidatesItsArguments() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Reply.text("x").interChunkDelay(Duration.ofMillis(-1)))
                .withMessageContaining("interChunkDelay");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ToolCall.of("f", "{}").withFragments("{"))
                .withMessageContaining("do not concatenate");
        assertThat(ToolCall.of("f", "{\"location\":\"San Francisco\"}").fragments()).hasSizeGreaterThan(1)
                .satisfies(f -> assertThat(String.join("", f)).isEqualTo("{\"location\":\"San Francisco\"}"));
        assertThat(ReplySpec.words("Hello  big world ")).containsExactly("Hello", "  big", " world ");
    }
}
