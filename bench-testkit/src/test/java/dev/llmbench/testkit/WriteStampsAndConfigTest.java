package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The hooks the load server is built on: write stamps, per-request replies, extra endpoints, configuration. */
class WriteStampsAndConfigTest {

    private static final long MS = 1_000_000L;
    private static final String OLLAMA = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x y\"}]}";

    @Test
    void everyScheduledWriteIsStampedAgainstItsDeadline() {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.enqueue(Reply.text("a b c").delayBeforeHeaders(Duration.ofMillis(1))
                    .delayBeforeFirstChunk(Duration.ofMillis(2)).interChunkDelay(Duration.ofMillis(3))
                    .delayBeforeFinish(Duration.ofMillis(4)));
            Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA);

            RecordedExchange ex = server.takeExchange(Duration.ofSeconds(10)).orElseThrow();
            long t0 = ex.request().receivedNanos();
            List<WriteStamp> stamps = ex.writeStamps();
            assertThat(stamps).extracting(WriteStamp::kind).containsExactly(WriteStamp.Kind.CHUNK,
                    WriteStamp.Kind.CHUNK, WriteStamp.Kind.CHUNK, WriteStamp.Kind.FINISH);
            assertThat(stamps).extracting(WriteStamp::scheduledNanos)
                    .containsExactly(t0 + 3 * MS, t0 + 6 * MS, t0 + 9 * MS, t0 + 13 * MS);
            for (WriteStamp s : stamps) {
                assertThat(s.beforeNanos()).isGreaterThanOrEqualTo(s.scheduledNanos());
                assertThat(s.afterNanos()).isGreaterThanOrEqualTo(s.beforeNanos());
                assertThat(s.lateNanos()).isNotNegative();
            }
            assertThat(ex.chunkWriteNanos()).containsExactlyElementsOf(
                    stamps.subList(0, 3).stream().map(WriteStamp::afterNanos).toList());
        }
    }

    @Test
    void aSharedEmitterWritesConcurrentStreamsEachOnItsOwnSchedule() {
        try (FakeLlmServer server = FakeLlmServer.start(ServerConfig.defaults().withEmitters(1))) {
            server.defaultReply(Reply.text("a b c").delayBeforeFirstChunk(Duration.ofMillis(2))
                    .interChunkDelay(Duration.ofMillis(3)).delayBeforeFinish(Duration.ofMillis(1)));
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(Wire.CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(server.ollamaUrl() + "/api/chat"))
                        .POST(HttpRequest.BodyPublishers.ofString(OLLAMA)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                assertThat(Wire.ndjson(f.join().body())).extracting(n -> n.path("message").path("content").asText())
                        .containsExactly("a", " b", " c", "");
            }
            assertThat(server.awaitNoChatExchanges(Duration.ofSeconds(10))).isTrue();
            assertThat(server.exchanges()).hasSize(20).allSatisfy(ex -> {
                long t0 = ex.request().receivedNanos();
                assertThat(ex.writeStamps()).extracting(WriteStamp::scheduledNanos)
                        .containsExactly(t0 + 2 * MS, t0 + 5 * MS, t0 + 8 * MS, t0 + 9 * MS);
                assertThat(ex.writeStamps()).extracting(WriteStamp::kind).endsWith(WriteStamp.Kind.FINISH);
                for (WriteStamp s : ex.writeStamps()) {
                    assertThat(s.beforeNanos()).isGreaterThanOrEqualTo(s.scheduledNanos());
                    assertThat(s.afterNanos()).isGreaterThanOrEqualTo(s.beforeNanos());
                }
                assertThat(ex.outcome()).isEqualTo(RecordedExchange.Outcome.COMPLETED);
            });
        }
    }

    @Test
    void closingTheServerEndsAStreamWaitingOnTheEmitter() {
        FakeLlmServer server = FakeLlmServer.start(ServerConfig.defaults().withEmitters(1));
        server.enqueue(Reply.text("a b").interChunkDelay(Duration.ofHours(1)));
        CompletableFuture<HttpResponse<String>> pending = Wire.CLIENT.sendAsync(HttpRequest.newBuilder(
                URI.create(server.ollamaUrl() + "/api/chat")).POST(HttpRequest.BodyPublishers.ofString(OLLAMA)).build(),
                HttpResponse.BodyHandlers.ofString());
        server.takeRequest(Duration.ofSeconds(10)).orElseThrow();
        server.close();

        RecordedExchange ex = server.takeExchange(Duration.ofSeconds(10)).orElseThrow();
        assertThat(ex.outcome()).isEqualTo(RecordedExchange.Outcome.SERVER_CLOSED);
        assertThat(ex.writeStamps()).hasSizeLessThanOrEqualTo(1);
        assertThat(pending).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aNonStreamingBodyHasOneBodyStampDueWhenItsLastChunkWouldBe() {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.enqueue(Reply.text("a b").delayBeforeFirstChunk(Duration.ofMillis(2)).interChunkDelay(Duration.ofMillis(3)));
            Wire.post(server.openAiUrl() + "/chat/completions", OLLAMA);

            RecordedExchange ex = server.takeExchange(Duration.ofSeconds(10)).orElseThrow();
            assertThat(ex.writeStamps()).singleElement().satisfies(s -> {
                assertThat(s.kind()).isEqualTo(WriteStamp.Kind.BODY);
                assertThat(s.scheduledNanos()).isEqualTo(ex.request().receivedNanos() + 5 * MS);
            });
        }
    }

    @Test
    void withoutAFinishDelayTheTerminalLineIsDueWithTheLastChunk() {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.enqueue(Reply.text("a b").interChunkDelay(Duration.ofMillis(2)));
            Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA);

            List<WriteStamp> stamps = server.takeExchange(Duration.ofSeconds(10)).orElseThrow().writeStamps();
            assertThat(stamps.get(2).scheduledNanos()).isEqualTo(stamps.get(1).scheduledNanos());
        }
    }

    @Test
    void theDefaultReplyCanDependOnTheRequestAndQueuedRepliesStillWin() {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.defaultReplyFrom(r -> Reply.text("for " + r.header("X-Who").orElse("nobody")));
            server.enqueue(Reply.text("queued"));
            assertThat(Wire.ndjson(Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA).body()).get(0)
                    .path("message").path("content").asText()).isEqualTo("queued");
            HttpResponse<String> r = Wire.send(HttpRequest.newBuilder(URI.create(server.ollamaUrl() + "/api/chat"))
                    .header("X-Who", "alice").POST(HttpRequest.BodyPublishers.ofString(OLLAMA)).build());
            assertThat(r.body()).contains("\"content\":\"for\"").contains("\"content\":\" alice\"");
        }
    }

    @Test
    void extraEndpointsAnswerBeforeBuiltInRoutesAndAFailingHandlerIsA500() {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.endpoint("GET", "/api/version", r -> Reply.status(200, "{\"version\":\"custom\"}"));
            server.endpoint("GET", "/boom", r -> {
                throw new IllegalStateException("nope");
            });
            assertThat(Wire.get(server.baseUrl() + "/api/version").body()).isEqualTo("{\"version\":\"custom\"}");
            HttpResponse<String> boom = Wire.get(server.baseUrl() + "/boom");
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).contains("nope");
            server.reset();
            assertThat(Wire.get(server.baseUrl() + "/boom").statusCode()).as("reset forgets endpoints").isEqualTo(404);
        }
    }

    @Test
    void clearRecordingsKeepsTheScriptAndRestartsThePeak() {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.defaultReply(Reply.text("kept"));
            Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA);
            assertThat(server.awaitNoChatExchanges(Duration.ofSeconds(10))).isTrue();
            assertThat(server.peakChatExchanges()).isEqualTo(1);
            assertThat(server.chatExchangesInProgress()).isZero();

            server.clearRecordings();
            assertThat(server.requests()).isEmpty();
            assertThat(server.exchanges()).isEmpty();
            assertThat(server.peakChatExchanges()).isZero();
            assertThat(Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA).body()).contains("kept");
        }
    }

    @Test
    void aConfiguredServerListensOnTheGivenLoopbackAddressWithItsCap() {
        try (FakeLlmServer server = FakeLlmServer.start(ServerConfig.defaults().withBacklog(8).withMaxConnections(2))) {
            assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(Wire.get(server.baseUrl() + "/").body()).isEqualTo("Ollama is running");
        }
    }

    @Test
    void configRejectsOutOfRangeValuesAndNonLoopbackAddresses() {
        ServerConfig d = ServerConfig.defaults();
        assertThatThrownBy(() -> d.withPort(-1)).hasMessageContaining("port (-1) must be in 0..65535");
        assertThatThrownBy(() -> d.withBacklog(0)).hasMessageContaining("backlog (0) must be in 1..65535");
        assertThatThrownBy(() -> d.withMaxConnections(0)).hasMessageContaining("maxConnections (0) must be positive");
        assertThatThrownBy(() -> d.withBindAddress("0.0.0.0")).hasMessageContaining("must be a loopback address");
        assertThatThrownBy(() -> d.withEmitters(-1)).hasMessageContaining("emitters (-1) must be in 0..64");
        assertThatThrownBy(() -> Reply.text("a").delayBeforeFinish(Duration.ofMillis(-1)))
                .hasMessageContaining("delayBeforeFinish");
    }
}
