package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultTest {

    private final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private static final String OPENAI_STREAM = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
    private static final String OLLAMA_STREAM = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

    @Test
    void anyStatusWithBodyAndHeaders() {
        server.enqueue(Reply.status(503, "server busy, please try again.  maximum pending requests exceeded")
                .header("Retry-After", "7"));

        HttpResponse<String> resp = Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA_STREAM);

        assertThat(resp.statusCode()).isEqualTo(503);
        assertThat(resp.headers().firstValue("retry-after")).hasValue("7");
        assertThat(resp.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(resp.body()).isEqualTo("server busy, please try again.  maximum pending requests exceeded");
    }

    @Test
    void resetIsAnIoExceptionForTheClient() throws Exception {
        server.enqueue(Reply.text("a b c d").resetAfterChunks(2));

        assertThatThrownBy(() -> Wire.CLIENT.send(HttpRequest.newBuilder(URI.create(server.openAiUrl()
                + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(OPENAI_STREAM)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        RecordedExchange ex = server.takeExchange(Duration.ofSeconds(5)).orElseThrow();
        assertThat(ex.outcome()).isEqualTo(RecordedExchange.Outcome.FAULT_INJECTED);
        assertThat(ex.chunkWriteNanos()).hasSize(2);
    }

    @Test
    void resetSeenOnARawSocket() throws Exception {
        server.enqueue(Reply.text("a b").resetAfterChunks(0));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA_STREAM, false));
            InputStream in = s.getInputStream();
            assertThatThrownBy(() -> {
                while (in.read() >= 0) {
                    // drain until the reset
                }
                throw new IOException("clean EOF instead of a reset");
            }).isInstanceOf(java.net.SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void stallIsObservedAsAReadTimeout() throws Exception {
        server.enqueue(Reply.text("a b c").stallAfterChunks(1));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA_STREAM, false));
            InputStream in = s.getInputStream();
            String head = readUntil(in, "\"done\":false}\n\r\n");
            assertThat(head).contains("HTTP/1.1 200").contains("\"content\":\"a\"");
            s.setSoTimeout(300);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
        RecordedExchange ex = server.takeExchange(Duration.ofSeconds(5)).orElseThrow();
        assertThat(ex.outcome()).isEqualTo(RecordedExchange.Outcome.FAULT_INJECTED);
    }

    @Test
    void truncatedStreamEndsCleanlyWithoutTerminalEvents() {
        server.enqueue(Reply.text("a b c").truncateAfterChunks(2));
        server.enqueue(Reply.text("a b c").truncateAfterChunks(2));

        HttpResponse<String> openAi = Wire.post(server.openAiUrl() + "/chat/completions", OPENAI_STREAM);
        HttpResponse<String> ollama = Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA_STREAM);

        assertThat(openAi.statusCode()).isEqualTo(200);
        assertThat(Wire.sse(openAi.body())).hasSize(3); // role + 2 chunks
        assertThat(openAi.body()).doesNotContain("[DONE]").doesNotContain("finish_reason\":\"stop");
        assertThat(Wire.ndjson(ollama.body())).hasSize(2);
        assertThat(ollama.body()).doesNotContain("\"done\":true");
    }

    @Test
    void disconnectLeavesTheChunkedBodyUnterminated() throws Exception {
        server.enqueue(Reply.text("a b c").disconnectAfterChunks(1));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA_STREAM, false));
            assertThatThrownBy(() -> Wire.readResponse(s.getInputStream())).isInstanceOf(IOException.class)
                    .hasMessageContaining("EOF inside chunked body");
        }
    }

    @Test
    void malformedLineInTheMiddleOfAStream() {
        server.enqueue(Reply.text("a b").malformedLineAfterChunks(1));
        server.enqueue(Reply.text("a b").malformedLineAfterChunks(1));

        List<Wire.Sse> events = Wire.sse(Wire.post(server.openAiUrl() + "/chat/completions", OPENAI_STREAM).body());
        String ndjson = Wire.post(server.ollamaUrl() + "/api/chat", OLLAMA_STREAM).body();

        assertThat(events).hasSize(6); // role, a, malformed, " b", finish, [DONE]
        assertThatThrownBy(events.get(2)::json).isInstanceOf(Exception.class);
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        String[] lines = ndjson.split("\n");
        assertThat(lines).hasSize(4);
        assertThatThrownBy(() -> Wire.json(lines[1])).isInstanceOf(Exception.class);
        assertThat(Wire.json(lines[3]).path("done").asBoolean()).isTrue();
    }

    @Test
    void invalidUtf8BytesInsideAJsonString() throws Exception {
        server.enqueue(Reply.text("a b").invalidUtf8AfterChunks(1));
        server.enqueue(Reply.text("a b").invalidUtf8AfterChunks(0));
        byte[] streamed = rawBody("/v1/chat/completions", OPENAI_STREAM);
        byte[] whole = rawBody("/api/chat", OLLAMA_STREAM.replace("{\"model\"", "{\"stream\":false,\"model\""));

        for (byte[] body : List.of(streamed, whole)) {
            int at = indexOf(body, new byte[] {(byte) 0xC3, 0x28});
            assertThat(at).isPositive();
            assertThat(new String(body, 0, at, StandardCharsets.ISO_8859_1)).contains("\"content\":\"");
            assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)))
                    .isInstanceOf(CharacterCodingException.class);
        }
    }

    @Test
    void keepAliveWhitespaceIsSentWithTheHeadersBeforeTheBody() {
        server.enqueue(Reply.text("late").keepAlive(3).delayBeforeFirstChunk(Duration.ofMillis(100)));

        HttpResponse<String> resp = Wire.post(server.openAiUrl() + "/chat/completions",
                OPENAI_STREAM.replace("true", "false"));

        assertThat(resp.body()).startsWith("\n         \n\n         \n\n         \n{");
        RecordedExchange ex = server.takeExchange(Duration.ofSeconds(5)).orElseThrow();
        assertThat(ex.chunkWriteNanos().get(0) - ex.headersWriteNanos().orElseThrow())
                .isGreaterThanOrEqualTo(Duration.ofMillis(90).toNanos());
    }

    @Test
    void oversizeBodiesAreStreamed() throws Exception {
        server.enqueue(Reply.text("start").oversize(5_000_000));
        server.enqueue(Reply.text("start").oversize(3_000_000));

        HttpResponse<InputStream> resp = Wire.CLIENT.send(HttpRequest.newBuilder(URI.create(server.openAiUrl()
                + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(OPENAI_STREAM)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long total = 0;
        byte[] tail = new byte[0];
        try (InputStream in = resp.body()) {
            byte[] buf = new byte[65536];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                total += n;
                tail = java.util.Arrays.copyOfRange(buf, Math.max(0, n - 20), n);
            }
        }
        assertThat(total).isGreaterThanOrEqualTo(5_000_000);
        assertThat(new String(tail, StandardCharsets.UTF_8)).endsWith("data: [DONE]\n\n");

        HttpResponse<String> whole = Wire.post(server.ollamaUrl() + "/api/chat",
                OLLAMA_STREAM.replace("{\"model\"", "{\"stream\":false,\"model\""));
        assertThat(whole.body().length()).isGreaterThanOrEqualTo(3_000_000);
        JsonNode o = Wire.json(whole.body());
        assertThat(o.path("message").path("content").asText()).startsWith("lorem ipsum").hasSizeGreaterThan(2_900_000);
        assertThat(o.path("done").asBoolean()).isTrue();
    }

    @Test
    void splitsWritesInsideAMultiByteCharacter() throws Exception {
        server.enqueue(Reply.text("x").chunks("ol", "á!").splitWritesInsideUtf8());
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA_STREAM, false));
            Wire.RawResponse resp = Wire.readResponse(s.getInputStream());
            byte[] body = resp.body();
            boolean splitInside = false;
            int offset = 0;
            for (int size : resp.chunkSizes()) {
                offset += size;
                if (offset < body.length && (body[offset - 1] & 0xE0) == 0xC0 && (body[offset] & 0xC0) == 0x80) {
                    splitInside = true;
                }
            }
            assertThat(splitInside).as("an HTTP chunk ends after the lead byte of 'á'").isTrue();
            assertThat(Wire.ndjson(resp.text()).get(1).path("message").path("content").asText()).isEqualTo("á!");
        }
    }

    @Test
    void fragmentedWritesAndCrlfLineEndings() throws Exception {
        server.enqueue(Reply.text("hello there").writeFragmented(7, Duration.ofMillis(1)).crlfLineEndings());
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Wire.request("POST", "/v1/chat/completions", OPENAI_STREAM, false));
            Wire.RawResponse resp = Wire.readResponse(s.getInputStream());
            assertThat(resp.chunkSizes()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(7));
            assertThat(resp.text()).endsWith("data: [DONE]\r\n\r\n").doesNotContain("}\n");
            assertThat(Wire.sse(resp.text())).hasSize(5);
        }
    }

    @Test
    void clientDisconnectIsRecorded() throws Exception {
        server.enqueue(Reply.text("a b c d e f g h").interChunkDelay(Duration.ofMillis(50)));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(Wire.request("POST", "/api/chat", OLLAMA_STREAM, false));
            readUntil(s.getInputStream(), "\"done\":false}\n");
            s.setSoLinger(true, 0);
        }
        RecordedExchange ex = server.takeExchange(Duration.ofSeconds(10)).orElseThrow();
        assertThat(ex.outcome()).isEqualTo(RecordedExchange.Outcome.CLIENT_DISCONNECTED);
    }

    private byte[] rawBody(String path, String json) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Wire.request("POST", path, json, true));
            return Wire.readResponse(s.getInputStream()).body();
        }
    }

    static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().contains(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("EOF before " + marker + " in " + sb);
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        return ExchangeDriver.indexOf(hay, needle);
    }
}
