package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.ServerTimings;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.FakeModel;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import dev.llmbench.testkit.ToolCall;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama provider over real loopback HTTP against {@link FakeLlmServer}. */
class OllamaProviderTest {
    static final String CANARY = "sk-canary-123";
    static final String MODEL = "llama3.2";
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather of a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

    private FakeLlmServer server;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Provider provider(Map<String, String> extras) {
        return provider(server.ollamaUrl(), Secret.of(CANARY), extras);
    }

    private Provider provider(String baseUrl, Secret key, Map<String, String> extras) {
        ProviderConfig config = new ProviderConfig(MODEL, baseUrl, key, Duration.ofSeconds(5), Duration.ofSeconds(20),
                extras);
        return new OllamaProviderFactory(name -> null, warnings::add).create(config);
    }

    private static EventRecorder run(Provider p, ChatRequest request) throws InterruptedException {
        EventRecorder rec = new EventRecorder();
        p.stream(request, rec);
        rec.await();
        assertThat(rec.terminals()).isEqualTo(1);
        assertThat(rec.overlaps()).isZero();
        return rec;
    }

    private EventRecorder run(ChatRequest request, Reply reply, Map<String, String> extras) throws InterruptedException {
        server.enqueue(reply);
        try (Provider p = provider(extras)) {
            return run(p, request);
        }
    }

    private RecordedRequest chatRequest() {
        return server.requests().stream().filter(r -> r.path().equals("/api/chat")).findFirst()
                .orElseThrow(() -> new AssertionError("no /api/chat request in " + server.requests()));
    }

    @Test
    void streamsTextWithUsageAndTimingsAndSendsTheKeyOnlyOnTheWire() throws Exception {
        EventRecorder rec = run(ChatRequest.builder().user("Say hello").attribute(ChatRequest.ATTR_CASE, "c1").build(),
                Reply.text("Hello there, world").usage(12, 3), Map.of());

        ChatResponse r = rec.response();
        assertThat(r.text()).isEqualTo("Hello there, world");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usage()).isEqualTo(new TokenUsage(12, 3, TokenUsage.UNKNOWN, -1));
        assertThat(rec.events().get(0)).isInstanceOf(StreamEvent.ResponseStarted.class);
        assertThat(rec.of(StreamEvent.Usage.class)).hasSize(1);
        assertThat(rec.of(StreamEvent.Timings.class)).singleElement()
                .satisfies(t -> assertThat(t.timings().totalNanos()).isPositive());

        RecordedRequest sent = chatRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).hasValue("Bearer " + CANARY);
        assertThat(sent.header("Accept")).hasValue("application/x-ndjson");
        assertThat(sent.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = sent.json();
        assertThat(body.get("model").asText()).isEqualTo(MODEL);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(sent.bodyText()).doesNotContain("c1").doesNotContain("llmbench.case");
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() throws Exception {
        server.enqueue(Reply.text("ok"));
        try (Provider p = provider(server.ollamaUrl(), Secret.NONE, Map.of())) {
            run(p, ChatRequest.ofUser("hi"));
        }
        assertThat(chatRequest().header("Authorization")).isEmpty();
    }

    @Test
    void keepsThinkingApartFromTheAnswer() throws Exception {
        server.addModel(FakeModel.of(MODEL).withCapabilities("completion", "thinking"));
        EventRecorder rec = run(ChatRequest.builder().user("6*7?").extra("think", "true").build(),
                Reply.text("42").reasoningChunks("Six times", " seven."), Map.of());

        assertThat(rec.response().reasoning()).isEqualTo("Six times seven.");
        assertThat(rec.response().text()).isEqualTo("42");
        assertThat(chatRequest().json().get("think").asBoolean()).isTrue();
    }

    @Test
    void reportsWholeToolCallsWithOwnIndexesAndFinishReasonToolCalls() throws Exception {
        EventRecorder rec = run(ChatRequest.builder().user("Weather in Paris and Rome?").tool(WEATHER).build(),
                Reply.empty().toolCall("get_weather", "{\"city\":\"Paris\"}")
                        .toolCall(ToolCall.of("get_weather", "{\"city\":\"Rome\"}").withId("call_ab12cd34")), Map.of());

        assertThat(rec.response().toolCalls()).containsExactly(
                new dev.llmbench.core.model.ToolCall("", "get_weather", "{\"city\":\"Paris\"}"),
                new dev.llmbench.core.model.ToolCall("call_ab12cd34", "get_weather", "{\"city\":\"Rome\"}"));
        assertThat(rec.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(chatRequest().json().at("/tools/0/function/parameters/type").asText()).isEqualTo("object");
    }

    @Test
    void refusesToolsWithoutSendingWhenShowLacksTheToolsCapability() throws Exception {
        server.addModel(FakeModel.of(MODEL).withCapabilities("completion"));
        EventRecorder rec;
        try (Provider p = provider(Map.of())) {
            rec = run(p, ChatRequest.builder().user("x").tool(WEATHER).build());
            assertThat(p.capabilities()).doesNotContain(Capability.TOOLS, Capability.REASONING)
                    .contains(Capability.STREAMING, Capability.JSON_SCHEMA);
        }

        assertThat(rec.error().errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
        assertThat(rec.error().message()).contains("does not support tools");
        assertThat(server.requests()).extracting(RecordedRequest::path).containsExactly("/api/show");
    }

    @Test
    void refusesThinkingOnAModelWithoutIt() throws Exception {
        server.addModel(FakeModel.of(MODEL).withCapabilities("completion", "tools"));
        EventRecorder rec;
        try (Provider p = provider(Map.of("think", "high"))) {
            rec = run(p, ChatRequest.ofUser("x"));
        }

        assertThat(rec.error().errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
        assertThat(rec.error().message()).contains("does not support thinking");
        assertThat(server.requests()).extracting(RecordedRequest::path).doesNotContain("/api/chat");
    }

    @Test
    void sendsTheRequestAnywayWhenShowFailsAndMapsTheServers404ToModelNotFound() throws Exception {
        server.addModel(FakeModel.of("some-other-model")); // /api/show and /api/chat both answer 404 for MODEL
        EventRecorder rec;
        try (Provider p = provider(Map.of())) {
            rec = run(p, ChatRequest.builder().user("x").tool(WEATHER).build());
        }

        assertThat(server.requests()).extracting(RecordedRequest::path).containsExactly("/api/show", "/api/chat");
        assertThat(rec.error().errorClass()).isEqualTo(ErrorClass.MODEL_NOT_FOUND);
        assertThat(rec.error().httpStatus()).hasValue(404);
        assertNoCanary(rec.error());
    }

    @Test
    void sendsTheFormatAsTheSchemaObject() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}";
        run(ChatRequest.builder().user("x").responseFormat(new ResponseFormat.JsonSchema("a", schema, true)).build(),
                Reply.text("{\"a\":1}"), Map.of());

        assertThat(chatRequest().json().get("format").toString()).isEqualTo(schema);
    }

    @Test
    void reportsOnlyTheDurationsOllamaCloudSends() throws Exception {
        EventRecorder rec = run(ChatRequest.ofUser("x"),
                Reply.text("Hi").usage(5, 1).serverTimings(dev.llmbench.testkit.ServerTimings.cloudStyle(
                        Duration.ofMillis(900))), Map.of());

        assertThat(rec.of(StreamEvent.Timings.class)).singleElement().isEqualTo(new StreamEvent.Timings(
                new ServerTimings(900_000_000L, ServerTimings.UNKNOWN, ServerTimings.UNKNOWN, ServerTimings.UNKNOWN)));
        assertThat(rec.response().usage().inputTokens()).isEqualTo(5);
    }

    @Test
    void sizesNumCtxForALongPromptAndWarnsWhenTheServerEvaluatedFarLess() throws Exception {
        server.addModel(FakeModel.of(MODEL).withContextLength(131_072).withCapabilities("completion", "tools"));
        String document = "word ".repeat(9_000); // 45,000 characters: ~15,000 tokens estimated
        run(ChatRequest.ofUser(document), Reply.text("ok").usage(4096, 1), Map.of());

        assertThat(chatRequest().json().at("/options/num_ctx").asLong()).isEqualTo(32_768);
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains(MODEL).contains("4096")
                .contains("probably truncated"));
    }

    @Test
    void doesNotWarnWhenThePromptWasEvaluatedWhole() throws Exception {
        server.addModel(FakeModel.of(MODEL).withContextLength(131_072));
        run(ChatRequest.ofUser("word ".repeat(9_000)), Reply.text("ok").usage(9_100, 1), Map.of());

        assertThat(warnings).isEmpty();
    }

    @Test
    void listsModelsFromApiTags() {
        server.addModel(FakeModel.of("llama3.2:latest"), FakeModel.of("gemma3:4b"));
        ProviderConfig config = new ProviderConfig("ignored", server.ollamaUrl(), Secret.NONE, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Map.of());

        List<ModelInfo> models = new OllamaProviderFactory(name -> null).listModels(config);

        assertThat(models).extracting(ModelInfo::id).containsExactly("gemma3:4b", "llama3.2:latest");
        assertThat(models.get(0).details()).containsEntry("quantization_level", "Q4_K_M").containsKey("size");
    }

    @Test
    void cancelDeliversExactlyOneCancelledFailure() throws Exception {
        server.enqueue(Reply.text("a b c d e f").interChunkDelay(Duration.ofMillis(200)));
        try (Provider p = provider(Map.of())) {
            EventRecorder rec = new EventRecorder();
            StreamHandle h = p.stream(ChatRequest.ofUser("x"), rec);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (rec.of(StreamEvent.ContentDelta.class).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            h.cancel(null);
            h.cancel(ErrorClass.TIMEOUT_TOTAL);
            rec.await();
            Thread.sleep(300); // give a stray second terminal event the chance to show up
            assertThat(rec.terminals()).isEqualTo(1);
            assertThat(rec.error().errorClass()).isEqualTo(ErrorClass.CANCELLED);
        }
    }

    @Test
    void aRequestAfterCloseFailsAsCancelled() throws Exception {
        Provider p = provider(Map.of());
        p.close();
        EventRecorder rec = new EventRecorder();
        p.stream(ChatRequest.ofUser("x"), rec);
        rec.await();

        assertThat(rec.terminals()).isEqualTo(1);
        assertThat(rec.error().errorClass()).isEqualTo(ErrorClass.CANCELLED);
    }

    static Map<String, String> extras(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static void assertNoCanary(ProviderError e) {
        assertThat(e.message()).doesNotContain(CANARY);
    }
}
