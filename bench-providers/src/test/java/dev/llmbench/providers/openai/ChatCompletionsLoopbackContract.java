package dev.llmbench.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Behaviour every chat-completions provider shows over real loopback HTTP against
 * {@link FakeLlmServer}: reconstruction, usage, finish reasons, every error class the wire format
 * can produce, cancel, and timing lower bounds. Subclasses say how to create their provider.
 */
public abstract class ChatCompletionsLoopbackContract {
    /** A recognisable key: it must reach the wire and never an error message. */
    public static final String KEY = "sk-canary-123";

    protected FakeLlmServer server;
    private final List<Provider> providers = new ArrayList<>();

    /** Creates the provider under test for {@code baseUrl}, with {@link #KEY} and these extras. */
    protected abstract Provider create(String baseUrl, Map<String, String> extras);

    /** The provider's base URL on the fake server. */
    protected abstract String baseUrl(FakeLlmServer server);

    /** The model name used in requests. */
    protected abstract String model();

    @BeforeEach
    void startServer() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void stopAll() {
        providers.forEach(Provider::close);
        server.close();
    }

    protected Provider provider(Map<String, String> extras) {
        Provider p = create(baseUrl(server), extras);
        providers.add(p);
        return p;
    }

    protected Provider provider() {
        return provider(Map.of());
    }

    protected static Capture send(Provider provider, ChatRequest request) throws InterruptedException {
        Capture c = new Capture();
        provider.stream(request, c);
        c.await();
        assertThat(c.terminals()).isEqualTo(1);
        assertThat(c.violations()).isZero();
        return c;
    }

    protected RecordedRequest lastRequest() {
        return server.takeRequest(Duration.ofSeconds(5)).orElseThrow();
    }

    protected static void assertNoKey(ProviderError error) {
        assertThat(error.message()).doesNotContain(KEY);
    }

    @Test
    void streamsTextAndUsageAndSendsTheKeyOnlyOnTheWire() throws Exception {
        server.enqueue(Reply.text("Hello big wörld").usage(11, 3));

        Capture c = send(provider(), ChatRequest.builder().user("Say hello")
                .sampling(Sampling.DEFAULT.withTemperature(0).withSeed(42).withMaxTokens(20))
                .attribute(ChatRequest.ATTR_CASE, "case-7").build());

        ChatResponse r = c.response();
        assertThat(r.text()).isEqualTo("Hello big wörld");
        assertThat(r.usage().inputTokens()).isEqualTo(11);
        assertThat(r.usage().outputTokens()).isEqualTo(3);
        assertThat(c.terminal()).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
        assertThat(c.events().get(0)).isInstanceOf(StreamEvent.ResponseStarted.class);
        assertThat(c.events().stream().filter(StreamEvent.Usage.class::isInstance)).hasSize(1);
        RecordedRequest sent = lastRequest();
        assertThat(sent.header("Authorization")).contains("Bearer " + KEY);
        assertThat(sent.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(sent.json().get("model").asText()).isEqualTo(model());
        assertThat(sent.json().get("stream").asBoolean()).isTrue();
        assertThat(sent.json().get("temperature").asDouble()).isZero();
        assertThat(sent.json().get("seed").asLong()).isEqualTo(42);
        assertThat(sent.json().get("max_tokens").asInt()).isEqualTo(20);
        assertThat(sent.bodyText()).doesNotContain("case-7");
    }

    @Test
    void keepsReasoningApartFromContent() throws Exception {
        server.enqueue(Reply.text("The answer is 42.").reasoning("Six times seven."));

        ChatResponse r = send(provider(), ChatRequest.ofUser("6*7?")).response();

        assertThat(r.reasoning()).isEqualTo("Six times seven.");
        assertThat(r.text()).isEqualTo("The answer is 42.");
    }

    @Test
    void reconstructsParallelToolCallsFromFragments() throws Exception {
        server.enqueue(Reply.empty().toolCall("get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}")
                .toolCall("get_time", "{\"tz\":\"Europe/Paris\"}"));

        Capture c = send(provider(), ChatRequest.builder().user("Weather and time in Paris?")
                .tool(new ToolDefinition("get_weather", "Weather now.", "{\"type\":\"object\"}"))
                .tool(new ToolDefinition("get_time", "Time now.", "{\"type\":\"object\"}")).build());

        ChatResponse r = c.response();
        assertThat(r.toolCalls()).extracting(ToolCall::name, ToolCall::argumentsJson).containsExactly(
                org.assertj.core.groups.Tuple.tuple("get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                org.assertj.core.groups.Tuple.tuple("get_time", "{\"tz\":\"Europe/Paris\"}"));
        assertThat(r.toolCalls()).allSatisfy(t -> assertThat(t.id()).isNotBlank());
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(lastRequest().json().get("tools")).hasSize(2);
    }

    @Test
    void reportsALengthFinish() throws Exception {
        server.enqueue(Reply.text("cut short").finishReason("length"));
        assertThat(send(provider(), ChatRequest.ofUser("x")).terminal())
                .isEqualTo(new StreamEvent.Completed(FinishReason.LENGTH));
    }

    @Test
    void joinsUtf8SplitAcrossWritesAndCrlfLines() throws Exception {
        server.enqueue(Reply.text("Grüße 😀 中文").splitWritesInsideUtf8().crlfLineEndings().writeFragmented(5, Duration.ZERO));
        assertThat(send(provider(), ChatRequest.ofUser("x")).response().text()).isEqualTo("Grüße 😀 中文");
    }

    @ParameterizedTest
    @CsvSource({"400,INVALID_REQUEST", "401,AUTHENTICATION", "403,AUTHENTICATION", "404,MODEL_NOT_FOUND",
        "422,INVALID_REQUEST", "500,SERVER_ERROR", "502,SERVER_ERROR", "503,SERVER_ERROR"})
    void classifiesErrorStatuses(int status, ErrorClass expected) throws Exception {
        server.enqueue(Reply.error(status, "went wrong for " + KEY));

        ProviderError e = send(provider(), ChatRequest.ofUser("x")).failure();

        assertThat(e.errorClass()).isEqualTo(expected);
        assertThat(e.httpStatusCode()).isEqualTo(status);
        assertThat(e.message()).contains("went wrong");
        assertNoKey(e);
    }

    @Test
    void readsRetryAfterOnRateLimits() throws Exception {
        server.enqueue(Reply.rateLimited(Duration.ofSeconds(3)));

        ProviderError e = send(provider(), ChatRequest.ofUser("x")).failure();

        assertThat(e.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(e.retryAfterMillis()).isEqualTo(3000);
    }

    @Test
    void readsEpochMillisecondRateLimitResetsWithoutRetryAfter() throws Exception {
        long reset = System.currentTimeMillis() + 60_000;
        server.enqueue(Reply.status(429, "{\"error\":{\"message\":\"Rate limit exceeded\",\"code\":429}}")
                .header("X-RateLimit-Reset", Long.toString(reset)));

        ProviderError e = send(provider(), ChatRequest.ofUser("x")).failure();

        assertThat(e.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(e.retryAfterMillis()).isBetween(50_000L, 60_000L);
    }

    @Test
    void failsWithAStreamErrorWhenAnErrorArrivesAfter200() throws Exception {
        server.enqueue(Reply.text("one two three four").errorAfterChunks(2, "upstream exploded"));

        Capture c = send(provider(), ChatRequest.ofUser("x"));

        assertThat(c.failure().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
        assertThat(c.failure().message()).contains("upstream exploded");
        assertThat(c.response().text()).isEqualTo("one two");
    }

    @ParameterizedTest
    @CsvSource({"truncate,TRUNCATED_STREAM", "reset,TRUNCATED_STREAM", "disconnect,TRUNCATED_STREAM",
        "malformed,MALFORMED_RESPONSE", "utf8,MALFORMED_RESPONSE"})
    void classifiesBrokenStreams(String fault, ErrorClass expected) throws Exception {
        Reply r = Reply.text("one two three four");
        r = switch (fault) {
            case "truncate" -> r.truncateAfterChunks(2);
            case "reset" -> r.resetAfterChunks(2);
            case "disconnect" -> r.disconnectAfterChunks(2);
            case "malformed" -> r.malformedLineAfterChunks(2);
            default -> r.invalidUtf8AfterChunks(2);
        };
        server.enqueue(r);

        ProviderError e = send(provider(), ChatRequest.ofUser("x")).failure();

        assertThat(e.errorClass()).isEqualTo(expected);
        assertNoKey(e);
    }

    @Test
    void timesOutWhenTheStreamGoesQuiet() throws Exception {
        server.enqueue(Reply.text("one two three").stallAfterChunks(1));
        ProviderError e = send(provider(Map.of("idle_timeout", "300ms")), ChatRequest.ofUser("x")).failure();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.TIMEOUT_IDLE);
    }

    @Test
    void timesOutWhenNoHeadArrives() throws Exception {
        server.enqueue(Reply.text("late").delayBeforeHeaders(Duration.ofSeconds(3)));
        ProviderError e = send(provider(Map.of("first_byte_timeout", "300ms")), ChatRequest.ofUser("x")).failure();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.TIMEOUT_FIRST_BYTE);
    }

    @Test
    void reportsAClosedPortAsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Provider p = create(baseUrl(server).replace(":" + server.port(), ":" + port), Map.of());
        providers.add(p);
        ProviderError e = send(p, ChatRequest.ofUser("x")).failure();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.UNREACHABLE);
        assertNoKey(e);
    }

    @Test
    void stopsAnOversizedResponse() throws Exception {
        server.enqueue(Reply.empty().oversize(2_000_000));
        ProviderError e = send(provider(Map.of("max_response_bytes", "20000")), ChatRequest.ofUser("x")).failure();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.RESPONSE_TOO_LARGE);
    }

    @Test
    void cancelDeliversExactlyOneFailure() throws Exception {
        server.enqueue(Reply.text("a b c d e f g h").interChunkDelay(Duration.ofMillis(200)));
        Capture c = new Capture();

        StreamHandle handle = provider().stream(ChatRequest.ofUser("x"), c);
        c.awaitEvent(e -> e instanceof StreamEvent.ContentDelta);
        handle.cancel(ErrorClass.CANCELLED);
        handle.cancel(ErrorClass.TIMEOUT_TOTAL);
        c.await();
        Thread.sleep(300); // later chunks would have arrived by now

        assertThat(c.failure().errorClass()).isEqualTo(ErrorClass.CANCELLED);
        assertThat(c.terminals()).isEqualTo(1);
        assertThat(c.violations()).isZero();
    }

    /**
     * Lower bounds only: the server writes chunk i at t0 + 300 ms + i × 100 ms after it received the
     * request, so TTFT is at least 300 ms and the last content arrives at least 600 ms after the
     * request started; the sum of the three gaps is at least 300 ms minus how late the first chunk
     * arrived, allowed 50 ms. Upper bound: TTFT under 300 ms + 2 s (very loose, only to catch
     * buffering of the whole body).
     */
    @Test
    void measuredTtftAndItlAreAtLeastTheServersDelays() throws Exception {
        server.enqueue(Reply.text("w1 w2 w3 w4").delayBeforeFirstChunk(Duration.ofMillis(300))
                .interChunkDelay(Duration.ofMillis(100)));
        Capture c = new Capture();
        TimedListener timed = new TimedListener(Ticker.SYSTEM, c);

        provider().stream(ChatRequest.ofUser("x"), timed.start());
        c.await();

        RequestTiming t = timed.timing();
        assertThat(c.response().text()).isEqualTo("w1 w2 w3 w4");
        assertThat(t.ttftNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos())
                .isLessThan(Duration.ofMillis(2300).toNanos());
        assertThat(t.itlNanos().toArray()).hasSize(3);
        long sum = t.itlNanos().sum();
        assertThat(t.ttftNanos() + sum).isGreaterThanOrEqualTo(Duration.ofMillis(600).toNanos());
        assertThat(sum).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
    }

    @Test
    void failsAtOnceWhenARequestCannotBeBuilt() throws Exception {
        ProviderError e = send(provider(), ChatRequest.builder().user("x")
                .tool(new ToolDefinition("t", "", "not json")).build()).failure();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void closeEndsRequestsInFlightAsCancelled() throws Exception {
        server.enqueue(Reply.text("a b c").stallAfterChunks(1));
        Provider p = create(baseUrl(server), Map.of());
        Capture c = new Capture();
        p.stream(ChatRequest.ofUser("x"), c);
        c.awaitEvent(e -> e instanceof StreamEvent.ContentDelta);

        p.close();

        assertThat(c.await().failure().errorClass()).isEqualTo(ErrorClass.CANCELLED);
    }
}
