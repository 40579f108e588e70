package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The connection pool lets more streams than the old 256-connection default be in flight to one
 * server at once: each gets its own connection instead of waiting for a lease.
 */
class ConnectionPoolLimitTest {
    private static final int STREAMS = 300;

    private static List<RecordedRequest> chats(FakeLlmServer server) {
        return server.requests().stream().filter(r -> r.path().equals("/api/chat")).toList();
    }

    private static int inFlightReached(Map<String, String> extras) throws InterruptedException {
        try (FakeLlmServer server = FakeLlmServer.start(STREAMS + 50)) {
            server.defaultReply(Reply.text("one two three").stallAfterChunks(1)); // every stream stays open
            ProviderConfig config = new ProviderConfig("m", server.ollamaUrl(), Secret.NONE, Duration.ofSeconds(5),
                    Duration.ofSeconds(120), extras);
            try (Provider p = new OllamaProviderFactory(name -> null).create(config)) {
                for (int i = 0; i < STREAMS; i++) {
                    p.stream(ChatRequest.ofUser("stream " + i), e -> { });
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (chats(server).size() < STREAMS && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                List<RecordedRequest> chats = chats(server);
                assertThat(chats.stream().map(RecordedRequest::connectionId).distinct()).hasSameSizeAs(chats);
                return chats.size();
            }
        }
    }

    @Test
    void theDefaultPoolServesThreeHundredConcurrentStreamsOnSeparateConnections() throws InterruptedException {
        assertThat(inFlightReached(Map.of())).isEqualTo(STREAMS);
    }

    @Test
    void maxConnectionsCapsTheStreamsInFlightPerServer() throws InterruptedException {
        // with a cap of 200 the other 100 wait for a connection that never frees up
        try (FakeLlmServer server = FakeLlmServer.start(STREAMS + 50)) {
            server.defaultReply(Reply.text("one two three").stallAfterChunks(1));
            ProviderConfig config = new ProviderConfig("m", server.ollamaUrl(), Secret.NONE, Duration.ofSeconds(5),
                    Duration.ofSeconds(120), Map.of("max_connections", "200"));
            try (Provider p = new OllamaProviderFactory(name -> null).create(config)) {
                for (int i = 0; i < STREAMS; i++) {
                    p.stream(ChatRequest.ofUser("stream " + i), e -> { });
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                // /api/show takes one connection first and returns it to the pool
                while (chats(server).size() < 200 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(200); // give an over-cap request a chance to show up (it must not)
                assertThat(chats(server)).hasSize(200);
            }
        }
    }
}
