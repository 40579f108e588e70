package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timing assertions are lower bounds only; the one upper bound (close) is a generous hang guard. */
class TimingAndLifecycleTest {

    private static final long MS = 1_000_000L;
    private static final String OLLAMA = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

    private final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void chunksAreWrittenNoEarlierThanTheirAbsoluteDeadlines() {
        server.enqueue(Reply.text("a b c d").delayBeforeHeaders(Duration.ofMillis(30))
                .delayBeforeFirstChunk(Duration.ofMillis(60)).interChunkDelay(Duration.ofMillis(40)));

        Wire.post(server.openRouterUrl() + "/chat/completions", OLLAMA.replace("{", "{\"stream\":true,"));

        RecordedExchange ex = server.takeExchange(Duration.ofSeconds(10)).orElseThrow();
        long t0 = ex.request().receivedNanos();
        assertThat(ex.headersWriteNanos().orElseThrow() - t0).isGreaterThanOrEqualTo(30 * MS);
        List<Long> chunks = ex.chunkWriteNanos();
        assertThat(chunks).hasSize(4);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i) - t0).as("chunk %d", i).isGreaterThanOrEqualTo((30 + 60 + 40L * i) * MS);
        }
        assertThat(chunks).isSorted();
        assertThat(ex.bytesWritten()).isPositive();
    }

    @Test
    void clientSeesTheFirstChunkNoEarlierThanTheConfiguredDelays() throws Exception {
        server.enqueue(Reply.text("a b").delayBeforeFirstChunk(Duration.ofMillis(80)).interChunkDelay(Duration.ofMillis(50)));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            long sent = System.nanoTime();
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA, false));
            InputStream in = s.getInputStream();
            FaultTest.readUntil(in, "\"content\":\"a\"");
            long first = System.nanoTime();
            FaultTest.readUntil(in, "\"content\":\" b\"");
            long second = System.nanoTime();
            assertThat(first - sent).isGreaterThanOrEqualTo(80 * MS);
            assertThat(second - sent).isGreaterThanOrEqualTo(130 * MS);
        }
    }

    @Test
    void nonStreamingBodyWaitsForTheWholeGeneration() {
        server.enqueue(Reply.text("a b c").delayBeforeFirstChunk(Duration.ofMillis(50)).interChunkDelay(Duration.ofMillis(20)));

        Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA.replace("{", "{\"stream\":false,"));

        RecordedExchange ex = server.takeExchange(Duration.ofSeconds(10)).orElseThrow();
        assertThat(ex.chunkWriteNanos()).hasSize(1);
        assertThat(ex.headersWriteNanos().orElseThrow() - ex.request().receivedNanos()).isGreaterThanOrEqualTo(90 * MS);
    }

    @Test
    void keepAliveCarriesSeveralRequestsOnOneConnection() throws Exception {
        server.enqueue(Reply.text("one"), Reply.text("two"), Reply.text("three").interChunkDelay(Duration.ofMillis(5)));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA.replace("{", "{\"stream\":false,"), false));
            Wire.RawResponse first = Wire.readResponse(s.getInputStream());
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA, false));
            Wire.RawResponse second = Wire.readResponse(s.getInputStream());
            s.getOutputStream().write(Wire.request("GET", "/api/version", null, true));
            Wire.RawResponse third = Wire.readResponse(s.getInputStream());
            assertThat(first.text()).contains("\"content\":\"one\"");
            assertThat(second.headers().get("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(second.text()).contains("\"content\":\"two\"");
            assertThat(third.text()).contains("version");
            assertThat(s.getInputStream().read()).as("closed after Connection: close").isEqualTo(-1);
        }
        assertThat(server.requests()).hasSize(3).extracting(RecordedRequest::connectionId).containsOnly(
                server.requests().get(0).connectionId());
    }

    @Test
    void theJdkClientReusesTheConnection() {
        Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA);
        Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA);

        assertThat(server.requests().get(1).connectionId()).isEqualTo(server.requests().get(0).connectionId());
    }

    @Test
    void closeEndsAStalledStreamPromptly() throws Exception {
        server.enqueue(Reply.text("a b c").stallAfterChunks(1));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA, false));
            InputStream in = s.getInputStream();
            FaultTest.readUntil(in, "\"done\":false}\n\r\n");

            assertTimeoutPreemptively(Duration.ofSeconds(10), server::close);

            assertThat(drain(in)).as("connection ended by the server").isTrue();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(IOException.class);
    }

    @Test
    void closeEndsASleepingStreamPromptly() throws Exception {
        server.enqueue(Reply.text("a b c").interChunkDelay(Duration.ofMinutes(10)));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA, false));
            FaultTest.readUntil(s.getInputStream(), "\"content\":\"a\"");

            assertTimeoutPreemptively(Duration.ofSeconds(10), server::close);

            assertThat(drain(s.getInputStream())).isTrue();
        }
    }

    /** @return true once the peer closed or reset the connection */
    private static boolean drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // discard
            }
            return true;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }
}
