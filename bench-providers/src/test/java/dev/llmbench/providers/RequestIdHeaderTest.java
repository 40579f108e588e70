package dev.llmbench.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.anthropic.AnthropicProviderFactory;
import dev.llmbench.providers.ollama.OllamaProviderFactory;
import dev.llmbench.providers.openai.OpenAiProviderFactory;
import dev.llmbench.providers.openrouter.OpenRouterProviderFactory;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ChatRequest#ATTR_REQUEST_ID} reaches the server as a header — never in the body — for
 * every HTTP provider family, over loopback against {@link FakeLlmServer}.
 */
class RequestIdHeaderTest {
    private static final String KEY = "sk-canary-rid-9f8e";

    /** One HTTP provider family: its factory, base URL and chat path on the fake server. */
    enum Family {
        OLLAMA(new OllamaProviderFactory(), FakeLlmServer::ollamaUrl, "/api/chat"),
        OPENAI(new OpenAiProviderFactory(), FakeLlmServer::openAiUrl, "/v1/chat/completions"),
        OPENROUTER(new OpenRouterProviderFactory(), FakeLlmServer::openRouterUrl, "/api/v1/chat/completions"),
        ANTHROPIC(new AnthropicProviderFactory(), FakeLlmServer::anthropicUrl, "/v1/messages");

        final ProviderFactory factory;
        final Function<FakeLlmServer, String> url;
        final String chatPath;

        Family(ProviderFactory factory, Function<FakeLlmServer, String> url, String chatPath) {
            this.factory = factory;
            this.url = url;
            this.chatPath = chatPath;
        }
    }

    private FakeLlmServer server;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Provider provider(Family f, Map<String, String> extras) {
        return f.factory.create(new ProviderConfig("m1", f.url.apply(server), Secret.of(KEY), Duration.ofSeconds(5),
                Duration.ofSeconds(20), extras));
    }

    private static ChatRequest request(String requestId) {
        ChatRequest.Builder b = ChatRequest.builder().user("Say hello.")
                .attribute(ChatRequest.ATTR_TEST, "attr-test-value").attribute(ChatRequest.ATTR_CASE, "attr-case-value");
        return requestId == null ? b.build() : b.attribute(ChatRequest.ATTR_REQUEST_ID, requestId).build();
    }

    private static StreamEvent run(Provider p, ChatRequest request) throws Exception {
        CompletableFuture<StreamEvent> terminal = new CompletableFuture<>();
        p.stream(request, e -> {
            if (e.terminal()) {
                terminal.complete(e);
            }
        });
        return terminal.get(30, TimeUnit.SECONDS);
    }

    private List<RecordedRequest> chats(Family f) {
        return server.requests().stream().filter(r -> r.path().equals(f.chatPath)).toList();
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void sendsTheRequestIdAsTheDefaultHeaderAndNoAttributeInTheBody(Family f) throws Exception {
        server.enqueue(Reply.text("Hello there"));
        try (Provider p = provider(f, Map.of())) {
            assertThat(run(p, request("bench-42"))).isInstanceOf(StreamEvent.Completed.class);
        }
        RecordedRequest sent = chats(f).get(0);
        assertThat(sent.header("X-Request-Id")).contains("bench-42");
        assertThat(sent.bodyText()).doesNotContain("bench-42").doesNotContain("attr-test-value")
                .doesNotContain("attr-case-value").doesNotContain("llmbench.");
        assertThat(sent.headers().values().stream().flatMap(List::stream))
                .noneMatch(v -> v.contains("attr-test-value") || v.contains("attr-case-value"));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void sendsTheRequestIdUnderTheConfiguredHeaderName(Family f) throws Exception {
        server.enqueue(Reply.text("Hello"), Reply.text("Hello"));
        try (Provider p = provider(f, Map.of("request_id_header", "X-Req-Id"))) {
            run(p, request("c100-7"));
            run(p, request(null));
        }
        List<RecordedRequest> sent = chats(f);
        assertThat(sent.get(0).header("X-Req-Id")).contains("c100-7");
        assertThat(sent.get(0).header("X-Request-Id")).isEmpty();
        assertThat(sent.get(1).header("X-Req-Id")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void failsARequestIdThatCouldSplitTheHeaderAsInvalidRequestWithoutSendingIt(Family f) throws Exception {
        try (Provider p = provider(f, Map.of())) {
            StreamEvent end = run(p, request("id\r\nX-Injected: 1"));
            assertThat(end).isInstanceOfSatisfying(StreamEvent.Failed.class, failed -> {
                assertThat(failed.error().errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
                assertThat(failed.error().message()).contains("llmbench.request_id").doesNotContain(KEY);
            });
        }
        assertThat(chats(f)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void rejectsAnInvalidHeaderNameWhenTheProviderIsCreated(Family f) {
        assertThatThrownBy(() -> provider(f, Map.of("request_id_header", "X-Req Id")))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("request_id_header \"X-Req Id\" is not a valid HTTP header name");
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void recordsKeyFreeCassettesWithoutTheRequestIdAndReplaysThemForAnyId(Family f) throws Exception {
        Path dir = tmp.resolve(f.name());
        server.enqueue(Reply.text("Recorded answer"));
        try (Provider p = provider(f, Map.of("record_dir", dir.toString()))) {
            assertThat(run(p, request("rec-id-1"))).isInstanceOf(StreamEvent.Completed.class);
        }
        String cassettes;
        try (Stream<Path> files = Files.list(dir)) {
            cassettes = files.map(RequestIdHeaderTest::read).reduce("", String::concat);
        }
        assertThat(cassettes).contains("\"credential_headers\"").doesNotContain(KEY).doesNotContain("rec-id-1")
                .doesNotContainIgnoringCase("x-request-id");
        Map<String, String> replay = new HashMap<>();
        replay.put("replay_dir", dir.toString());
        try (Provider p = provider(f, replay)) {
            assertThat(run(p, request("another-id"))).isInstanceOf(StreamEvent.Completed.class);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
