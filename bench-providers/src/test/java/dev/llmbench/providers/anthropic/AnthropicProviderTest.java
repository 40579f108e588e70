package dev.llmbench.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderException;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.FakeModel;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import dev.llmbench.testkit.ToolCall;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider over real loopback HTTP against {@link FakeLlmServer}'s Anthropic endpoint. */
class AnthropicProviderTest {
    private static final String KEY = "sk-canary-123";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeLlmServer server;
    private Provider provider;

    @BeforeEach
    void startServer() {
        server = FakeLlmServer.start();
        provider = provider(Map.of());
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    private Provider provider(Map<String, String> extras) {
        return provider(server.anthropicUrl(), extras);
    }

    private static Provider provider(String baseUrl, Map<String, String> extras) {
        ProviderConfig c = ProviderConfig.of("claude-test").withBaseUrl(baseUrl);
        c = new ProviderConfig(c.model(), c.baseUrl(), c.apiKey(), c.connectTimeout(), c.requestTimeout(), extras);
        return new AnthropicProviderFactory(Map.of("ANTHROPIC_API_KEY", KEY)::get).create(c);
    }

    private AwaitingListener run(Provider p, ChatRequest request) throws InterruptedException {
        AwaitingListener l = new AwaitingListener();
        p.stream(request, l);
        l.await();
        assertThat(l.violations()).as("listener contract violations").isZero();
        assertThat(l.terminals()).isEqualTo(1);
        return l;
    }

    private AwaitingListener run(Reply reply) throws InterruptedException {
        server.enqueue(reply);
        return run(provider, ChatRequest.ofUser("Hello there"));
    }

    @Test
    void sendsKeyVersionAndJsonToV1Messages() throws Exception {
        ChatRequest request = ChatRequest.builder().system("Be brief.").user("Hello there")
                .attribute(ChatRequest.ATTR_REFERENCE, "never on the wire")
                .sampling(Sampling.DEFAULT.withTemperature(0.2).withMaxTokens(300)).build();
        server.enqueue(Reply.text("Hi."));
        run(provider, request);

        RecordedRequest sent = server.takeRequest(WAIT).orElseThrow();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).contains(KEY);
        assertThat(sent.header("anthropic-version")).contains("2023-06-01");
        assertThat(sent.headers().entrySet()).filteredOn(e -> e.getKey().equalsIgnoreCase("content-type"))
                .singleElement().satisfies(e -> assertThat(e.getValue()).containsExactly("application/json"));
        assertThat(sent.header("authorization")).isEmpty();
        JsonNode body = sent.json();
        assertThat(body.get("model").asText()).isEqualTo("claude-test");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(300);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("system").asText()).isEqualTo("Be brief.");
        assertThat(sent.bodyText()).doesNotContain("never on the wire");
    }

    @Test
    void reconstructsTextWithUsageAndStop() throws Exception {
        AwaitingListener l = run(Reply.text("The answer is 42.").usage(31, 7).keepAliveBetweenChunks());
        ChatResponse r = l.assembler().response();
        assertThat(r.text()).isEqualTo("The answer is 42.");
        assertThat(r.usage()).isEqualTo(new TokenUsage(31, 7, TokenUsage.UNKNOWN, -1));
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(l.events().get(0)).isEqualTo(new StreamEvent.ResponseStarted());
        assertThat(l.events()).filteredOn(StreamEvent.Usage.class::isInstance).hasSize(1);
        assertThat(l.events()).filteredOn(StreamEvent.ContentDelta.class::isInstance).hasSizeGreaterThan(1);
    }

    @Test
    void keepsThinkingSeparateFromTheAnswer() throws Exception {
        AwaitingListener l = run(Reply.text("Answer: 4").reasoning("Two plus two is four."));
        ChatResponse r = l.assembler().response();
        assertThat(r.reasoning()).isEqualTo("Two plus two is four.");
        assertThat(r.text()).isEqualTo("Answer: 4");
    }

    @Test
    void sendsTheThinkingBudgetAndReportsReasoning() throws Exception {
        try (Provider thinking = provider(Map.of("thinking_budget", "2048"))) {
            server.enqueue(Reply.text("4").reasoning("Adding."));
            AwaitingListener l = run(thinking, ChatRequest.ofUser("2+2?"));
            assertThat(l.assembler().response().reasoning()).isEqualTo("Adding.");
        }
        JsonNode body = server.takeRequest(WAIT).orElseThrow().json();
        assertThat(body.get("thinking").get("type").asText()).isEqualTo("enabled");
        assertThat(body.get("thinking").get("budget_tokens").asInt()).isEqualTo(2048);
    }

    @Test
    void reconstructsToolCallsFromPartialJson() throws Exception {
        ChatRequest request = ChatRequest.builder().user("Weather in Paris and the time?")
                .tool(new ToolDefinition("get_weather", "Weather now",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))
                .build();
        server.enqueue(Reply.text("Let me check.")
                .toolCall(ToolCall.of("get_weather", "{\"city\":\"Paris\"}").withFragments("{\"ci", "ty\":\"Pa", "ris\"}"))
                .toolCall("get_time", "{\"tz\":\"Europe/Paris\"}"));
        AwaitingListener l = run(provider, request);

        ChatResponse r = l.assembler().response();
        assertThat(r.text()).isEqualTo("Let me check.");
        assertThat(r.toolCalls()).hasSize(2);
        assertThat(r.toolCalls().get(0).name()).isEqualTo("get_weather");
        assertThat(r.toolCalls().get(0).argumentsJson()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(r.toolCalls().get(0).id()).isNotBlank();
        assertThat(r.toolCalls().get(1).name()).isEqualTo("get_time");
        assertThat(r.toolCalls().get(1).argumentsJson()).isEqualTo("{\"tz\":\"Europe/Paris\"}");
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        JsonNode tools = server.takeRequest(WAIT).orElseThrow().json().get("tools");
        assertThat(tools.get(0).get("input_schema").get("type").asText()).isEqualTo("object");
    }

    @Test
    void sendsToolResultsBackAsToolResultBlocks() throws Exception {
        ChatRequest request = ChatRequest.builder().user("Weather in Paris?")
                .message(Message.assistant("", List.of(new dev.llmbench.core.model.ToolCall("toolu_9", "get_weather",
                        "{\"city\":\"Paris\"}"))))
                .message(Message.toolResult("toolu_9", "get_weather", "18 C, sunny"))
                .build();
        run(Reply.text("It is 18 C."));
        server.takeRequest(WAIT);
        server.enqueue(Reply.text("It is 18 C and sunny."));
        AwaitingListener l = run(provider, request);

        assertThat(l.assembler().text()).isEqualTo("It is 18 C and sunny.");
        JsonNode messages = server.takeRequest(WAIT).orElseThrow().json().get("messages");
        assertThat(messages.get(1).get("content").get(0).get("type").asText()).isEqualTo("tool_use");
        assertThat(messages.get(2).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(2).get("content").get(0).get("tool_use_id").asText()).isEqualTo("toolu_9");
    }

    @ParameterizedTest
    @CsvSource({"stop, STOP", "length, LENGTH", "stop_sequence, STOP", "refusal, CONTENT_FILTER"})
    void mapsFinishReasons(String fakeReason, FinishReason expected) throws Exception {
        assertThat(run(Reply.text("Some text").finishReason(fakeReason)).terminal())
                .isEqualTo(new StreamEvent.Completed(expected));
    }

    @ParameterizedTest
    @CsvSource({"400, INVALID_REQUEST", "401, AUTHENTICATION", "403, AUTHENTICATION", "402, PAYMENT_REQUIRED",
            "404, MODEL_NOT_FOUND", "413, INVALID_REQUEST", "500, SERVER_ERROR", "529, SERVER_ERROR"})
    void classifiesErrorStatusesWithoutLeakingTheKey(int status, ErrorClass expected) throws Exception {
        ProviderError e = run(Reply.error(status, "rejected request with key " + KEY)).error();
        assertThat(e.errorClass()).isEqualTo(expected);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.message()).doesNotContain(KEY).contains("HTTP " + status);
    }

    @Test
    void overloadedStatusNamesTheAnthropicErrorType() throws Exception {
        ProviderError e = run(Reply.error(529, "Overloaded")).error();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.SERVER_ERROR);
        assertThat(e.message()).contains("overloaded_error").contains("Overloaded");
    }

    @Test
    void rateLimitCarriesRetryAfter() throws Exception {
        ProviderError e = run(Reply.rateLimited(Duration.ofSeconds(3))).error();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(e.retryAfter()).hasValue(3000);
    }

    @Test
    void rateLimitResetHeaderInEpochMillisIsUsedWithoutRetryAfter() throws Exception {
        long reset = System.currentTimeMillis() + 60_000;
        ProviderError e = run(Reply.status(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")
                .header("X-RateLimit-Reset", Long.toString(reset))).error();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(e.retryAfter().orElseThrow()).isBetween(50_000L, 60_000L);
    }

    @Test
    void errorEventAfterContentIsAStreamErrorNamingTheType() throws Exception {
        AwaitingListener l = run(Reply.text("one two three").errorAfterChunks(1, "overloaded_error", "Overloaded"));
        ProviderError e = l.error();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
        assertThat(e.message()).contains("overloaded_error");
        assertThat(l.assembler().text()).isEqualTo("one");
    }

    @Test
    void streamEndingWithoutMessageStopIsTruncated() throws Exception {
        assertThat(run(Reply.text("one two three").truncateAfterChunks(2)).error().errorClass())
                .isEqualTo(ErrorClass.TRUNCATED_STREAM);
    }

    @Test
    void connectionResetMidStreamIsTruncated() throws Exception {
        assertThat(run(Reply.text("one two three").resetAfterChunks(1)).error().errorClass())
                .isEqualTo(ErrorClass.TRUNCATED_STREAM);
    }

    @Test
    void malformedEventIsMalformedResponse() throws Exception {
        assertThat(run(Reply.text("one two three").malformedLineAfterChunks(1)).error().errorClass())
                .isEqualTo(ErrorClass.MALFORMED_RESPONSE);
    }

    @Test
    void invalidUtf8IsMalformedResponse() throws Exception {
        assertThat(run(Reply.text("one two three").invalidUtf8AfterChunks(1)).error().errorClass())
                .isEqualTo(ErrorClass.MALFORMED_RESPONSE);
    }

    @Test
    void utf8SplitAcrossWritesIsReassembled() throws Exception {
        // writeFragmented also works around a FakeLlmServer overflow: splitWritesInsideUtf8 alone
        // (fragment size unset) crashes its writer with NegativeArraySizeException
        AwaitingListener l = run(Reply.text("Grüße aus Köln 👋").splitWritesInsideUtf8()
                .writeFragmented(5, Duration.ofMillis(1)).crlfLineEndings());
        assertThat(l.assembler().text()).isEqualTo("Grüße aus Köln 👋");
    }

    @Test
    void stallPastTheIdleTimeoutIsTimeoutIdle() throws Exception {
        try (Provider p = provider(Map.of("idle_timeout", "300ms"))) {
            server.enqueue(Reply.text("one two three").stallAfterChunks(1));
            assertThat(run(p, ChatRequest.ofUser("x")).error().errorClass()).isEqualTo(ErrorClass.TIMEOUT_IDLE);
        }
    }

    @Test
    void noHeadWithinTheFirstByteTimeoutIsTimeoutFirstByte() throws Exception {
        try (Provider p = provider(Map.of("first_byte_timeout", "300ms"))) {
            server.enqueue(Reply.text("late").delayBeforeHeaders(Duration.ofSeconds(3)));
            assertThat(run(p, ChatRequest.ofUser("x")).error().errorClass()).isEqualTo(ErrorClass.TIMEOUT_FIRST_BYTE);
        }
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Provider p = provider("http://127.0.0.1:" + port, Map.of())) {
            ProviderError e = run(p, ChatRequest.ofUser("x")).error();
            assertThat(e.errorClass()).isEqualTo(ErrorClass.UNREACHABLE);
            assertThat(e.message()).doesNotContain(KEY);
        }
    }

    @Test
    void bodyOverTheSizeCapIsResponseTooLarge() throws Exception {
        try (Provider p = provider(Map.of("max_response_bytes", "20000"))) {
            server.enqueue(Reply.text("x").oversize(200_000));
            assertThat(run(p, ChatRequest.ofUser("x")).error().errorClass()).isEqualTo(ErrorClass.RESPONSE_TOO_LARGE);
        }
    }

    @Test
    void cancelDeliversExactlyOneCancelledFailure() throws Exception {
        server.enqueue(Reply.text("one two three four five").interChunkDelay(Duration.ofSeconds(2)));
        AwaitingListener l = new AwaitingListener();
        StreamHandle handle = provider.stream(ChatRequest.ofUser("x"), l);
        l.awaitFirstContent();
        handle.cancel(ErrorClass.CANCELLED);
        handle.cancel(ErrorClass.CANCELLED);
        l.await();
        assertThat(l.terminals()).isEqualTo(1);
        assertThat(l.violations()).isZero();
        assertThat(l.error().errorClass()).isEqualTo(ErrorClass.CANCELLED);
    }

    @Test
    void requestTheApiCannotExpressFailsAtOnceWithoutSending() throws Exception {
        ChatRequest request = ChatRequest.builder().user("x").sampling(Sampling.DEFAULT.withTemperature(1.7)).build();
        AwaitingListener l = run(provider, request);
        assertThat(l.error().errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
        assertThat(server.requestCount()).isZero();
    }

    /**
     * Lower bounds only: the fake server schedules the first chunk 250 ms after it has the request
     * and chunk i at 250 + i * 100 ms, so the client cannot see them earlier. The upper bound on
     * TTFT (+2 s) is deliberately loose; precision is a benchmark's job, not this test's.
     */
    @Test
    void measuredTtftAndInterTokenGapsAreAtLeastTheScriptedDelays() throws Exception {
        server.enqueue(Reply.empty().chunks("a", " b", " c", " d").delayBeforeFirstChunk(Duration.ofMillis(250))
                .interChunkDelay(Duration.ofMillis(100)));
        AwaitingListener sink = new AwaitingListener();
        TimedListener timed = new TimedListener(Ticker.SYSTEM, sink).start();
        provider.stream(ChatRequest.ofUser("x"), timed);
        sink.await();

        RequestTiming t = timed.timing();
        assertThat(timed.response().text()).isEqualTo("a b c d");
        assertThat(t.ttft().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos())
                .isLessThan(Duration.ofMillis(2250).toNanos());
        assertThat(t.itlNanos().toArray()).hasSize(3);
        long lastContent = t.ttftNanos() + t.itlNanos().sum();
        assertThat(lastContent).isGreaterThanOrEqualTo(Duration.ofMillis(250 + 3 * 100).toNanos());
        assertThat(t.latencyNanos()).isGreaterThanOrEqualTo(lastContent);
    }

    @Test
    void concurrentRequestsShareOneProvider() throws Exception {
        server.defaultReply(Reply.text("same answer").interChunkDelay(Duration.ofMillis(20)));
        List<AwaitingListener> listeners = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AwaitingListener l = new AwaitingListener();
            listeners.add(l);
            provider.stream(ChatRequest.ofUser("q" + i), l);
        }
        for (AwaitingListener l : listeners) {
            l.await();
            assertThat(l.assembler().text()).isEqualTo("same answer");
            assertThat(l.violations()).isZero();
        }
    }

    @Test
    void listsModelsWithTheKeyHeader() throws Exception {
        server.addModel(FakeModel.of("claude-test"), FakeModel.of("claude-other"));
        AnthropicProviderFactory factory = new AnthropicProviderFactory(Map.of("ANTHROPIC_API_KEY", KEY)::get);
        List<ModelInfo> models = factory.listModels(ProviderConfig.of("ignored").withBaseUrl(server.anthropicUrl()));

        assertThat(models).extracting(ModelInfo::id).containsExactlyInAnyOrder("claude-test", "claude-other");
        RecordedRequest sent = server.takeRequest(WAIT).orElseThrow();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/v1/models");
        assertThat(sent.target()).contains("limit=1000");
        assertThat(sent.header("x-api-key")).contains(KEY);
        assertThat(sent.header("anthropic-version")).contains("2023-06-01");
    }

    @Test
    void listModelsFailureIsClassifiedAndScrubbed() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        AnthropicProviderFactory factory = new AnthropicProviderFactory(Map.of("ANTHROPIC_API_KEY", KEY)::get);
        ProviderConfig c = ProviderConfig.of("ignored").withBaseUrl("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> factory.listModels(c)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.error().errorClass()).isEqualTo(ErrorClass.UNREACHABLE);
            assertThat(e.getMessage()).doesNotContain(KEY);
        });
    }
}
