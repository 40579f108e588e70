package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orderings and exact scheduled deadlines only: no assertion depends on how fast the machine is. */
class GroundTruthServerTest {

    private static final long MS = 1_000_000L;
    private static final String CHAT = "{\"model\":\"fake:latest\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dir;

    private final GroundTruthServer gt = GroundTruthServer.start(ServerConfig.defaults(), WireFormat.OLLAMA,
            StreamParams.ofMillis(4, 2, 3, 1), null);

    @AfterEach
    void close() {
        gt.close();
    }

    private HttpResponse<String> chatAt(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gt.server().baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return Wire.send(b.build());
    }

    private HttpResponse<String> chat(String... headers) {
        return chatAt("/api/chat", CHAT, headers);
    }

    private JsonNode dump() throws IOException {
        Path file = dir.resolve("gt-" + System.nanoTime() + ".json");
        HttpResponse<String> r = Wire.get(gt.server().baseUrl() + "/_gt/dump?file=" + file);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Wire.json(r.body()).path("file").asText()).isEqualTo(file.toString());
        return Wire.MAPPER.readTree(Files.readString(file));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    @Test
    void aStreamedReplyIsRecordedAsNTokenLinesAndADoneLineOnTheExactSchedule() throws IOException {
        HttpResponse<String> r = chat("X-Req-Id", "run-7");
        assertThat(Wire.ndjson(r.body())).extracting(n -> n.path("message").path("content").asText())
                .containsExactly("tok0 ", "tok1 ", "tok2 ", "");

        JsonNode log = dump();
        JsonNode req = log.path("requests").get(0);
        assertThat(log.path("requests")).hasSize(1);
        assertThat(req.path("req_id").asText()).isEqualTo("run-7");
        assertThat(req.path("tokens").asInt()).isEqualTo(3);
        assertThat(req.path("req_on_conn").asInt()).isZero();
        long read = req.path("t_req_read_ns").asLong();
        List<Long> sched = longs(req.path("t_sched_ns"));
        List<Long> pre = longs(req.path("t_prewrite_ns"));
        List<Long> post = longs(req.path("t_lines_ns"));
        assertThat(sched).containsExactly(read + 4 * MS, read + 6 * MS, read + 8 * MS, read + 9 * MS);
        assertThat(pre).hasSize(4);
        assertThat(post).hasSize(4).isSorted();
        for (int i = 0; i < 4; i++) {
            assertThat(pre.get(i)).as("line %d written no earlier than due", i).isGreaterThanOrEqualTo(sched.get(i));
            assertThat(post.get(i)).as("line %d post-write stamp after pre-write", i).isGreaterThanOrEqualTo(pre.get(i));
        }
        assertThat(req.path("t_end_ns").asLong()).isEqualTo(post.get(3));
        assertThat(req.path("aborted").asBoolean()).isFalse();
        JsonNode server = log.path("server");
        assertThat(server.path("lines_written").asLong()).isEqualTo(4);
        assertThat(server.path("unsent_writes").asLong()).isZero();
        assertThat(server.path("requests").asInt()).isEqualTo(1);
        assertThat(server.path("cpu_user_s").asDouble() + server.path("cpu_sys_s").asDouble()).isPositive();
        assertThat(server.path("wall_ns").asLong()).isPositive();
        assertThat(server.path("format").asText()).isEqualTo("ollama");
    }

    @Test
    void overrideHeadersChangeTokenCountAndScheduleAndTheDoneGapFollowsTheItl() throws IOException {
        HttpResponse<String> r = chat("X-Req-Id", "o", "X-Fake-Tokens", "2", "X-Fake-Ttft-Ms", "3",
                "X-Fake-Itl-Ms", "7");
        List<JsonNode> lines = Wire.ndjson(r.body());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).path("eval_count").asInt()).isEqualTo(2);

        JsonNode req = dump().path("requests").get(0);
        long read = req.path("t_req_read_ns").asLong();
        assertThat(longs(req.path("t_sched_ns"))).containsExactly(read + 3 * MS, read + 10 * MS, read + 17 * MS);
        assertThat(req.path("tokens").asInt()).isEqualTo(2);
        assertThat(req.path("itl_ms").asDouble()).isEqualTo(7.0);
        assertThat(req.path("done_gap_ms").asDouble()).isEqualTo(7.0);
    }

    @Test
    void anExplicitDoneGapHeaderWins() throws IOException {
        chat("X-Fake-Tokens", "1", "X-Fake-Ttft-Ms", "0", "X-Fake-Done-Gap-Ms", "5");
        JsonNode req = dump().path("requests").get(0);
        long read = req.path("t_req_read_ns").asLong();
        assertThat(longs(req.path("t_sched_ns"))).containsExactly(read, read + 5 * MS);
    }

    @Test
    void aBadOverrideHeaderIsA400NamingTheHeader() {
        HttpResponse<String> r = chat("X-Fake-Itl-Ms", "fast");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Wire.json(r.body()).path("error").asText()).contains("X-Fake-Itl-Ms").contains("fast");
        assertThat(chat("X-Fake-Tokens", "0").statusCode()).isEqualTo(400);
        assertThat(chat("X-Fake-Ttft-Ms", "-1").statusCode()).isEqualTo(400);
    }

    @Test
    void theRequestIdFallsBackToTheBodyThenTheSequence() throws IOException {
        chatAt("/api/chat", CHAT.replace("{", "{\"req_id\":\"from-body\","));
        chat();
        JsonNode reqs = dump().path("requests");
        assertThat(reqs.get(0).path("req_id").asText()).isEqualTo("from-body");
        assertThat(reqs.get(1).path("req_id").asText()).isEqualTo(reqs.get(1).path("seq").asText());
    }

    @Test
    void requestsOnAKeptAliveConnectionAreCounted() throws IOException {
        chat("X-Req-Id", "a");
        chat("X-Req-Id", "b");
        JsonNode reqs = dump().path("requests");
        assertThat(reqs.get(0).path("conn_id").asLong()).isEqualTo(reqs.get(1).path("conn_id").asLong());
        assertThat(reqs.get(0).path("req_on_conn").asInt()).isZero();
        assertThat(reqs.get(1).path("req_on_conn").asInt()).isEqualTo(1);
    }

    @Test
    void resetForgetsEarlierRequestsAndADumpStartsAFreshLog() throws IOException {
        chat("X-Req-Id", "before-reset");
        HttpResponse<String> reset = Wire.send(HttpRequest.newBuilder(URI.create(gt.server().baseUrl() + "/_gt/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(Wire.json(reset.body()).path("ok").asBoolean()).isTrue();
        chat("X-Req-Id", "after-reset");

        JsonNode first = dump();
        assertThat(first.path("requests")).extracting(n -> n.path("req_id").asText()).containsExactly("after-reset");
        JsonNode second = dump();
        assertThat(second.path("requests")).isEmpty();
        assertThat(second.path("server").path("lines_written").asLong()).isZero();
    }

    @Test
    void controlAndInfoRequestsAreNotGroundTruth() throws IOException {
        assertThat(Wire.get(gt.server().baseUrl() + "/").body()).isEqualTo("Ollama is running");
        assertThat(Wire.json(Wire.get(gt.server().baseUrl() + "/api/version").body()).has("version")).isTrue();
        assertThat(Wire.get(gt.server().baseUrl() + "/api/tags").statusCode()).isEqualTo(200);
        assertThat(dump().path("requests")).isEmpty();
    }

    @Test
    void aDumpWithoutFileNeedsADefaultLog() throws IOException {
        HttpResponse<String> r = Wire.get(gt.server().baseUrl() + "/_gt/dump");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("no file");

        Path log = dir.resolve("default.json");
        try (GroundTruthServer other = GroundTruthServer.start(ServerConfig.defaults(), WireFormat.OLLAMA,
                StreamParams.ofMillis(0, 0, 1, 0), log)) {
            assertThat(Wire.get(other.server().baseUrl() + "/_gt/dump").statusCode()).isEqualTo(200);
            assertThat(Wire.MAPPER.readTree(Files.readString(log)).has("server")).isTrue();
        }
    }

    @Test
    void aChatRequestInAnotherWireFormatIsA404() {
        HttpResponse<String> r = chatAt("/v1/chat/completions", CHAT);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("ollama wire format only");
    }

    @Test
    void theOpenAiFormatStreamsTheSameTokensAsSseEvents() throws IOException {
        try (GroundTruthServer openai = GroundTruthServer.start(ServerConfig.defaults(), WireFormat.OPENAI,
                StreamParams.ofMillis(0, 0, 2, 0), null)) {
            HttpResponse<String> r = Wire.send(HttpRequest.newBuilder(URI.create(openai.server().openAiUrl()
                    + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(CHAT)).build());
            assertThat(r.body()).contains("\"content\":\"tok0 \"").contains("\"content\":\"tok1 \"").contains("[DONE]");
            Path file = dir.resolve("openai.json");
            openai.dump(file);
            JsonNode req = Wire.MAPPER.readTree(Files.readString(file)).path("requests").get(0);
            assertThat(req.path("t_lines_ns")).hasSize(3);
        }
    }
}
