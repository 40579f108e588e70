package dev.llmbench.providers.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.providers.anthropic.AnthropicProviderFactory;
import dev.llmbench.providers.internal.http.Json;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records the finished {@code anthropic} provider against {@link FakeLlmServer}, stops the server,
 * and replays: the replay must deliver what the live run delivered.
 */
class ReplayProviderTest {
    private static final String KEY = "sk-canary-7f3e9c2b1d";

    @TempDir
    Path tmp;

    private Path dir;
    private FakeLlmServer server;

    @BeforeEach
    void start() {
        dir = tmp.resolve("rec");
        server = FakeLlmServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Provider recording(String model, Map<String, String> extras) {
        Map<String, String> x = new HashMap<>(extras);
        x.put("record_dir", dir.toString());
        ProviderConfig c = ProviderConfig.of(model).withBaseUrl(server.anthropicUrl()).withApiKey(Secret.of(KEY));
        return new AnthropicProviderFactory().create(new ProviderConfig(c.model(), c.baseUrl(), c.apiKey(),
                c.connectTimeout(), c.requestTimeout(), x));
    }

    private Provider recording() {
        return recording("claude-test", Map.of());
    }

    private static Provider replay(String spec) {
        return new ReplayProviderFactory().create(ProviderConfig.of(spec));
    }

    private static Events send(Provider p, ChatRequest request) throws InterruptedException {
        Events e = new Events();
        p.stream(request, e);
        return e.await();
    }

    /** Records {@code replies} for {@code request} (one each, in order), closes, stops the server. */
    private List<Events> record(ChatRequest request, Reply... replies) throws InterruptedException {
        List<Events> live = new java.util.ArrayList<>();
        try (Provider p = recording()) {
            for (Reply r : replies) {
                server.enqueue(r);
                live.add(send(p, request));
            }
        }
        server.close();
        return live;
    }

    @Test
    void replaysTheSameEventsTextAndUsageAfterTheServerIsGone() throws Exception {
        ChatRequest request = ChatRequest.builder().system("Be brief.").user("What is 6 x 7?").build();
        Events live = record(request, Reply.text("The answer is 42.").usage(31, 7).keepAliveBetweenChunks()).get(0);

        try (Provider p = replay(dir.toString())) {
            assertThat(p.id()).isEqualTo("replay");
            assertThat(p.model()).isEqualTo(dir.toString());
            Events replayed = send(p, request);
            assertThat(replayed.events()).isEqualTo(live.events());
            ChatResponse r = replayed.assembler().response();
            assertThat(r).isEqualTo(live.assembler().response());
            assertThat(r.text()).isEqualTo("The answer is 42.");
            assertThat(r.usage().outputTokens()).isEqualTo(7);
        }
    }

    @Test
    void replaysToolCalls() throws Exception {
        ChatRequest request = ChatRequest.builder().user("Weather in Paris?")
                .tool(new ToolDefinition("get_weather", "Current weather",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))
                .build();
        Events live = record(request, Reply.empty().toolCall("get_weather", "{\"city\":\"Paris\"}")).get(0);
        assertThat(live.assembler().response().toolCalls()).hasSize(1);

        try (Provider p = replay(dir.toString())) {
            Events replayed = send(p, request);
            assertThat(replayed.events()).isEqualTo(live.events());
            assertThat(replayed.assembler().response().toolCalls()).isEqualTo(live.assembler().response().toolCalls());
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("rate_limited", (Supplier<Reply>) () -> Reply.rateLimited(Duration.ofSeconds(3))),
                Arguments.of("server_error", (Supplier<Reply>) () -> Reply.error(500, "upstream exploded")),
                Arguments.of("truncated_stream", (Supplier<Reply>) () -> Reply.text("one two three four")
                        .chunks("one ", "two ", "three ", "four").truncateAfterChunks(2)),
                Arguments.of("truncated_stream", (Supplier<Reply>) () -> Reply.text("one two three")
                        .chunks("one ", "two ", "three").resetAfterChunks(1)),
                Arguments.of("malformed_response", (Supplier<Reply>) () -> Reply.text("one two three")
                        .chunks("one ", "two ", "three").malformedLineAfterChunks(1)),
                Arguments.of("stream_error", (Supplier<Reply>) () -> Reply.text("one two three")
                        .chunks("one ", "two ", "three").errorAfterChunks(1, "overloaded")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void replaysARecordedFailureWithTheSameClassAndMessage(String errorClass, Supplier<Reply> reply) throws Exception {
        ChatRequest request = ChatRequest.ofUser("Count to four.");
        Events live = record(request, reply.get()).get(0);
        ProviderError recorded = live.error();
        assertThat(recorded.errorClass().id()).isEqualTo(errorClass);

        try (Provider p = replay(dir.toString())) {
            Events replayed = send(p, request);
            assertThat(replayed.error()).isEqualTo(recorded);
            assertThat(replayed.events()).isEqualTo(live.events());
        }
    }

    @Test
    void servesRepeatsInRecordedOrderThenFailsWithAClassifiedError() throws Exception {
        ChatRequest request = ChatRequest.ofUser("Say something.");
        record(request, Reply.text("first"), Reply.text("second"));

        try (Provider p = replay(dir.toString())) {
            assertThat(send(p, request).assembler().response().text()).isEqualTo("first");
            assertThat(send(p, request).assembler().response().text()).isEqualTo("second");
            ProviderError e = send(p, request).error();
            assertThat(e.errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
            assertThat(e.message()).contains("no recording left", "POST /v1/messages", dir.toString(), "all used");
        }
    }

    @Test
    void aRequestThatWasNeverRecordedFailsAsInvalidRequest() throws Exception {
        record(ChatRequest.ofUser("Recorded prompt."), Reply.text("ok"));

        try (Provider p = replay(dir.toString())) {
            ProviderError e = send(p, ChatRequest.ofUser("A different prompt.")).error();
            assertThat(e.errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
            assertThat(e.message()).contains("no recording left", "none of its recordings matches");
        }
    }

    @Test
    void aSecondRecordingSessionAppendsInsteadOfOverwriting() throws Exception {
        ChatRequest request = ChatRequest.ofUser("Again.");
        try (Provider p = recording()) {
            server.enqueue(Reply.text("session one"));
            send(p, request);
        }
        try (Provider p = recording()) {
            server.enqueue(Reply.text("session two"));
            send(p, request);
        }
        server.close();

        assertThat(cassettes()).hasSize(2).allSatisfy(f -> assertThat(f.getFileName().toString())
                .matches("[0-9a-f]{64}-000[01]\\.json"));
        try (Provider p = replay(dir.toString())) {
            assertThat(send(p, request).assembler().response().text()).isEqualTo("session one");
            assertThat(send(p, request).assembler().response().text()).isEqualTo("session two");
        }
    }

    @Test
    void recordedSpeedKeepsTheRecordedFirstTokenOffsetAsALowerBound() throws Exception {
        ChatRequest request = ChatRequest.ofUser("Slowly, please.");
        Duration delay = Duration.ofMillis(300);
        Events live = record(request, Reply.text("slow answer").delayBeforeFirstChunk(delay)).get(0);
        assertThat(live.firstContentNanos()).isGreaterThanOrEqualTo(delay.toNanos());
        long recordedFirstChunk = firstContentChunkOffset();
        assertThat(recordedFirstChunk).isGreaterThanOrEqualTo(delay.toNanos());

        try (Provider p = replay(dir + "?speed=recorded")) {
            Events replayed = send(p, request);
            assertThat(replayed.firstContentNanos()).isGreaterThanOrEqualTo(recordedFirstChunk);
            assertThat(replayed.events()).isEqualTo(live.events());
        }
    }

    @Test
    void cancellingAReplayEndsItWithCancelled() throws Exception {
        ChatRequest request = ChatRequest.ofUser("Long answer.");
        record(request, Reply.text("a b c d e f").chunks("a ", "b ", "c ", "d ", "e ", "f")
                .interChunkDelay(Duration.ofMillis(150)));

        try (Provider p = replay(dir + "?speed=recorded")) {
            Events e = new Events();
            StreamHandle h = p.stream(request, e);
            e.awaitFirstContent();
            h.cancel(ErrorClass.CANCELLED);
            e.await();
            assertThat(e.error().errorClass()).isEqualTo(ErrorClass.CANCELLED);
            assertThat(e.assembler().response().text()).isNotEqualTo("a b c d e f");
        }
    }

    @Test
    void noFileOfTheRecordingHoldsTheApiKey() throws Exception {
        ChatRequest request = ChatRequest.ofUser("Who am I?");
        List<Events> live = record(request, Reply.text("fine"), Reply.status(401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key "
                        + KEY + "\"}}").header("X-Echo-Key", KEY).header("Set-Cookie", "session=abc"));
        assertThat(live.get(1).error().errorClass()).isEqualTo(ErrorClass.AUTHENTICATION);

        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(KEY)
                        .doesNotContain("session=abc");
            }
        }
        JsonNode first = Json.MAPPER.readTree(cassettes().get(0).toFile());
        assertThat(first.at("/request/credential_headers").toString()).isEqualTo("[\"x-api-key\"]");
        assertThat(first.at("/request/headers/anthropic-version").asText()).isEqualTo("2023-06-01");
        assertThat(first.at("/request/headers").has("x-api-key")).isFalse();

        try (Provider p = replay(dir.toString())) {
            assertThat(send(p, request).assembler().response().text()).isEqualTo("fine");
            assertThat(send(p, request).error()).isEqualTo(live.get(1).error());
        }
    }

    @Test
    void writesOneCompleteCassettePerExchangeAndNoTemporaryFiles() throws Exception {
        record(ChatRequest.ofUser("one"), Reply.text("1"), Reply.text("2"), Reply.error(500, "x"));

        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all.map(f -> f.getFileName().toString()).toList()).hasSize(3)
                    .allMatch(n -> n.matches("[0-9a-f]{64}-000[0-2]\\.json"), "cassette names");
        }
        for (Path f : cassettes()) {
            JsonNode c = Json.MAPPER.readTree(f.toFile());
            assertThat(c.path("schema").asText()).isEqualTo("llmbench.cassette/v1");
            assertThat(c.at("/source/provider").asText()).isEqualTo("anthropic");
            assertThat(c.at("/source/base_url").asText()).isEqualTo(server.anthropicUrl());
            assertThat(c.at("/request/path").asText()).isEqualTo("/v1/messages");
            assertThat(c.at("/request/body").asText()).contains("\"model\":\"claude-test\"");
            assertThat(c.at("/end/kind").asText()).isIn("eof", "stopped");
            assertThat(c.path("chunks").size()).isPositive();
        }
    }

    @Test
    void choosesAmongRecordedModelsBySelector() throws Exception {
        ChatRequest request = ChatRequest.ofUser("Hi.");
        try (Provider a = recording("claude-a", Map.of()); Provider b = recording("claude-b", Map.of("max_tokens", "77"))) {
            server.enqueue(Reply.text("from a"));
            send(a, request);
            server.enqueue(Reply.text("from b"));
            send(b, request);
        }
        server.close();

        assertThatThrownBy(() -> replay(dir.toString())).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("choose one").hasMessageContaining("#anthropic:claude-a")
                .hasMessageContaining("#anthropic:claude-b");
        assertThatThrownBy(() -> replay(dir + "#anthropic")).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> replay(dir + "#ollama")).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("holds no recordings of ollama");
        try (Provider p = replay(dir + "#anthropic:claude-b")) {
            assertThat(send(p, request).assembler().response().text()).isEqualTo("from b");
        }
        try (Provider p = replay(dir + "#anthropic:claude-a?speed=fast")) {
            assertThat(send(p, request).assembler().response().text()).isEqualTo("from a");
        }
    }

    @Test
    void rejectsAnEmptyOrMissingDirectoryAndABaseUrl() throws IOException {
        assertThatThrownBy(() -> replay(tmp.resolve("missing").toString())).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("not a directory of recordings");
        Files.createDirectories(dir);
        assertThatThrownBy(() -> replay(dir.toString())).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("holds no recordings");
        assertThatThrownBy(() -> new ReplayProviderFactory().create(ProviderConfig.of(dir.toString())
                .withBaseUrl("http://localhost:1"))).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("base URL does not apply");
    }

    @Test
    void recreatesTheOriginalWithItsRecordedSettingsAndADummyKey() throws Exception {
        ChatRequest request = ChatRequest.ofUser("Hi.");
        try (Provider p = recording("claude-x", Map.of("max_tokens", "123"))) {
            server.enqueue(Reply.text("ok"));
            send(p, request);
        }
        server.close();
        Map<String, ProviderConfig> created = new HashMap<>();
        AnthropicProviderFactory anthropic = new AnthropicProviderFactory();
        ReplayProviderFactory factory = new ReplayProviderFactory(id -> java.util.Optional.of(new ProviderFactory() {
            @Override
            public String id() {
                return anthropic.id();
            }

            @Override
            public String description() {
                return anthropic.description();
            }

            @Override
            public Provider create(ProviderConfig config) {
                created.put(id, config);
                return anthropic.create(config);
            }
        }));
        Map<String, String> extras = Map.of("record_dir", tmp.resolve("ignored").toString(), "replay_speed", "recorded");
        try (Provider p = factory.create(new ProviderConfig(dir.toString(), "", Secret.NONE, Duration.ofSeconds(1),
                Duration.ofSeconds(1), extras))) {
            assertThat(send(p, request).assembler().response().text()).isEqualTo("ok");
        }
        ProviderConfig c = created.get("anthropic");
        assertThat(c.model()).isEqualTo("claude-x");
        assertThat(c.baseUrl()).isEqualTo(server.anthropicUrl());
        assertThat(c.apiKey().reveal()).contains(ReplayProviderFactory.DUMMY_KEY);
        assertThat(c.extras()).containsEntry("max_tokens", "123").containsEntry("replay_dir", dir.toString())
                .containsEntry("replay_speed", "recorded").doesNotContainKey("record_dir");
        assertThat(tmp.resolve("ignored")).doesNotExist();
    }

    private List<Path> cassettes() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The recorded offset of the first chunk that carries answer text. */
    private long firstContentChunkOffset() throws IOException {
        JsonNode c = Json.MAPPER.readTree(cassettes().get(0).toFile());
        for (JsonNode chunk : c.path("chunks")) {
            String text = new String(java.util.Base64.getDecoder().decode(chunk.path("base64").asText()),
                    StandardCharsets.UTF_8);
            if (text.contains("text_delta")) {
                return chunk.path("at_ns").asLong();
            }
        }
        throw new AssertionError("no content chunk in " + c);
    }
}
