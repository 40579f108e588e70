package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error class the Ollama wire format can produce, over loopback HTTP. */
class OllamaProviderErrorsTest {
    private static final String CANARY = OllamaProviderTest.CANARY;
    private FakeLlmServer server;

    @BeforeEach
    void startServer() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private EventRecorder run(String baseUrl, Map<String, String> extras) throws InterruptedException {
        ProviderConfig config = new ProviderConfig(OllamaProviderTest.MODEL, baseUrl, Secret.of(CANARY),
                Duration.ofSeconds(5), Duration.ofSeconds(20), extras);
        try (Provider p = new OllamaProviderFactory(name -> null, w -> { }).create(config)) {
            EventRecorder rec = new EventRecorder();
            p.stream(ChatRequest.ofUser("hello"), rec);
            rec.await();
            assertThat(rec.terminals()).isEqualTo(1);
            assertThat(rec.error().message()).doesNotContain(CANARY);
            return rec;
        }
    }

    private ProviderError fail(Reply reply) throws InterruptedException {
        return fail(reply, Map.of());
    }

    private ProviderError fail(Reply reply, Map<String, String> extras) throws InterruptedException {
        server.enqueue(reply);
        return run(server.ollamaUrl(), extras).error();
    }

    @Test
    void maps401ToAuthenticationWithoutTheKeyInTheMessage() throws Exception {
        ProviderError e = fail(Reply.status(401, "{\"error\":\"unauthorized: key " + CANARY + " rejected\","
                + "\"signin_url\":\"https://ollama.com/connect\"}"));

        assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTHENTICATION);
        assertThat(e.httpStatus()).hasValue(401);
        assertThat(e.message()).contains("unauthorized").contains("OLLAMA_API_KEY");
    }

    @Test
    void maps404ToModelNotFound() throws Exception {
        ProviderError e = fail(Reply.error(404, "model 'llama3.2' not found"));

        assertThat(e.errorClass()).isEqualTo(ErrorClass.MODEL_NOT_FOUND);
        assertThat(e.message()).contains("not found");
    }

    @Test
    void maps400DoesNotSupportToolsToInvalidRequest() throws Exception {
        ProviderError e = fail(Reply.error(400, "registry.ollama.ai/library/gemma3:1b does not support tools"));

        assertThat(e.errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
        assertThat(e.message()).contains("does not support tools");
    }

    @Test
    void maps429ToRateLimitedWithRetryAfter() throws Exception {
        ProviderError e = fail(Reply.rateLimited(Duration.ofSeconds(2)));

        assertThat(e.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(e.retryAfterMillis()).isBetween(1L, 2_000L);
    }

    @Test
    void maps5xxToServerError() throws Exception {
        assertThat(fail(Reply.error(500, "the model failed to generate a response")).errorClass())
                .isEqualTo(ErrorClass.SERVER_ERROR);
        assertThat(fail(Reply.error(503, "server busy, please try again.  maximum pending requests exceeded"))
                .errorClass()).isEqualTo(ErrorClass.SERVER_ERROR);
    }

    @Test
    void mapsAnErrorLineAsTheFirstLineAfter200() throws Exception {
        ProviderError e = fail(Reply.text("never").errorAfterChunks(0, "model \"llama3.2\" not found, try pulling it first"));

        assertThat(e.errorClass()).isEqualTo(ErrorClass.MODEL_NOT_FOUND);
    }

    @Test
    void mapsAnErrorLineMidStreamToStreamErrorAfterTheContent() throws Exception {
        server.enqueue(Reply.text("one two three four").errorAfterChunks(2,
                "an error was encountered while running the model"));
        EventRecorder rec = run(server.ollamaUrl(), Map.of());

        assertThat(rec.error().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
        assertThat(rec.response().text()).isEqualTo("one two");
    }

    @Test
    void mapsACleanEndWithoutDoneToTruncatedStream() throws Exception {
        assertThat(fail(Reply.text("one two three").truncateAfterChunks(1)).errorClass())
                .isEqualTo(ErrorClass.TRUNCATED_STREAM);
    }

    @Test
    void mapsAResetOrDisconnectMidStreamToTruncatedStream() throws Exception {
        assertThat(fail(Reply.text("one two three").resetAfterChunks(1)).errorClass())
                .isEqualTo(ErrorClass.TRUNCATED_STREAM);
        assertThat(fail(Reply.text("one two three").disconnectAfterChunks(1)).errorClass())
                .isEqualTo(ErrorClass.TRUNCATED_STREAM);
    }

    @Test
    void mapsAMalformedLineToMalformedResponse() throws Exception {
        assertThat(fail(Reply.text("one two three").malformedLineAfterChunks(1)).errorClass())
                .isEqualTo(ErrorClass.MALFORMED_RESPONSE);
    }

    @Test
    void mapsInvalidUtf8ToMalformedResponse() throws Exception {
        assertThat(fail(Reply.text("one two three").invalidUtf8AfterChunks(1)).errorClass())
                .isEqualTo(ErrorClass.MALFORMED_RESPONSE);
    }

    @Test
    void mapsAStallPastTheIdleTimeoutToTimeoutIdle() throws Exception {
        ProviderError e = fail(Reply.text("one two three").stallAfterChunks(1), Map.of("idle_timeout", "300ms"));

        assertThat(e.errorClass()).isEqualTo(ErrorClass.TIMEOUT_IDLE);
    }

    @Test
    void mapsNoHeadWithinTheFirstByteTimeoutToTimeoutFirstByte() throws Exception {
        ProviderError e = fail(Reply.text("late").delayBeforeHeaders(Duration.ofSeconds(3)),
                Map.of("first_byte_timeout", "300ms"));

        assertThat(e.errorClass()).isEqualTo(ErrorClass.TIMEOUT_FIRST_BYTE);
    }

    @Test
    void mapsAnOversizedBodyToResponseTooLarge() throws Exception {
        ProviderError e = fail(Reply.text("x").oversize(200_000), Map.of("max_response_bytes", "8192"));

        assertThat(e.errorClass()).isEqualTo(ErrorClass.RESPONSE_TOO_LARGE);
    }

    @Test
    void mapsAClosedPortToUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EventRecorder rec = run("127.0.0.1:" + port, Map.of());

        assertThat(rec.error().errorClass()).isEqualTo(ErrorClass.UNREACHABLE);
        assertThat(rec.events()).noneMatch(StreamEvent.ResponseStarted.class::isInstance);
    }
}
