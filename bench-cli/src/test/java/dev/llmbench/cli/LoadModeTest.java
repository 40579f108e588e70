package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --duration/--rate}: the CLI contract of the load mode. The exact arithmetic of the
 * engine is tested in core on a fake clock; here real runs check what can be checked without
 * timing thresholds: the files, the counts, and lower bounds that physics guarantees.
 */
class LoadModeTest {
    private static final String FAST = "sim:oracle?ttft=0ms&tps=100000";

    @TempDir
    Path tmp;

    private static List<JsonNode> requests(Path run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("requests.jsonl"))) {
            out.add(JsonCodec.MAPPER.readTree(line));
        }
        return out;
    }

    @Test
    void aClosedLoopRunWritesItsFilesAndNeverExceedsItsUsers() throws Exception {
        Path run = tmp.resolve("run");
        Outcome o = CliRunner.run("run", "--model", FAST, "--tests", "basic_reasoning|structured_output", "--duration",
                "500ms", "--concurrency", "4", "--warmup", "0", "--slo", "ttft=10s", "--out", run.toString());

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("Closed loop: 4 concurrent users for 500 ms", "SLO: ttft=10000ms",
                run.resolve("load.json").toString(), run.resolve("requests.jsonl").toString());
        JsonNode model = JsonCodec.MAPPER.readTree(run.resolve("load.json").toFile()).at("/models/0");
        List<JsonNode> lines = requests(run);
        assertThat(lines).hasSize(model.get("started").asInt()).isNotEmpty();
        assertThat(model.get("failed").asInt()).isZero();
        assertThat(model.get("max_in_flight").asInt()).isBetween(1, 4);
        assertThat(lines).extracting(n -> n.get("test").asText()).containsOnly("basic_reasoning", "structured_output");
        assertThat(Files.readString(run.resolve("load.md"))).contains("timeline", "in flight (max)");
    }

    @Test
    void loadOnlyAndTrialOnlyOptionsAreUsageErrors() {
        Outcome slo = CliRunner.run("run", "--model", FAST, "--slo", "ttft=1s", "--out", tmp.resolve("a").toString());
        assertThat(slo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(slo.err()).contains("--slo only apply to a load run");

        Outcome trials = CliRunner.run("run", "--model", FAST, "--duration", "1s", "--trials", "2");
        assertThat(trials.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(trials.err()).contains("--trials cannot be combined with a load run");

        Outcome rate = CliRunner.run("run", "--model", FAST, "--rate", "-3", "--duration", "1s");
        assertThat(rate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(rate.err()).contains("--rate must be a positive number");

        Outcome badSlo = CliRunner.run("run", "--model", FAST, "--rate", "5", "--slo", "ttft=soon");
        assertThat(badSlo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badSlo.err()).contains("is not a duration");

        Outcome huge = CliRunner.run("run", "--model", FAST, "--rate", "1e9", "--duration", "1h");
        assertThat(huge.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(huge.err()).contains("the limit is");
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void anOpenLoopAgainstAStallingServerChargesEveryQueuedRequestForItsWait() throws Exception {
        // Real HTTP: the first request stalls 1 s before its first token and one request is served at a
        // time, so every arrival of that second is sent late. Whatever this machine's speed, a queued
        // request's latency from its intended time is at least the stall's end minus that time.
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.enqueue(Reply.text("slow answer").delayBeforeFirstChunk(Duration.ofSeconds(1)));
            server.defaultReply(Reply.text("fast answer"));
            Path run = tmp.resolve("run");
            Map<String, String> env = new HashMap<>();
            env.put("OLLAMA_HOST", server.ollamaUrl());
            Process p = ChildCli.start(tmp.resolve("child.log"), env, "run", "--model", "ollama:m", "--tests",
                    "basic_reasoning", "--rate", "20", "--duration", "1s", "--concurrency", "1", "--warmup", "0",
                    "--seed", "5", "--slo", "latency=500ms", "--out", run.toString());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child hung: " + Files.readString(tmp.resolve("child.log")));
            }
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();

            List<JsonNode> lines = requests(run);
            JsonNode first = lines.stream().filter(n -> n.get("seq").asLong() == 0).findFirst().orElseThrow();
            long stallEnd = first.get("done_ns").asLong();
            assertThat(first.get("ttft_ns").asLong()).isGreaterThanOrEqualTo(1_000_000_000L);
            int queued = 0;
            for (JsonNode n : lines) {
                assertThat(n.get("error").isNull()).as(n.toString()).isTrue();
                long intended = n.get("intended_ns").asLong();
                long sent = n.get("sent_ns").asLong();
                assertThat(sent).isGreaterThanOrEqualTo(intended);
                if (n.get("seq").asLong() > 0 && intended < stallEnd) {
                    queued++;
                    long fromIntended = sent - intended + n.get("latency_ns").asLong();
                    assertThat(fromIntended).isGreaterThanOrEqualTo(stallEnd - intended);
                }
            }
            assertThat(queued).as("arrivals during the stall (20/s for ~1 s, seeded)").isGreaterThan(5);
            JsonNode model = JsonCodec.MAPPER.readTree(run.resolve("load.json").toFile()).at("/models/0");
            assertThat(model.get("started").asInt()).isEqualTo(lines.size()).isEqualTo(model.get("scheduled").asInt());
            assertThat(model.get("good").asInt()).as("the stalled request and those queued behind it miss 500 ms")
                    .isLessThanOrEqualTo(lines.size() - 1 - countQueuedPast(lines, stallEnd, 500_000_000L));
            String runId = JsonCodec.MAPPER.readTree(run.resolve("load.json").toFile()).get("id").asText();
            List<String> ids = server.requests().stream().filter(r -> r.path().equals("/api/chat"))
                    .map(r -> r.header("X-Request-Id").orElse("(none)")).toList();
            assertThat(ids).as("every request carries its run, model and sequence number").hasSize(lines.size())
                    .contains(runId + "-m0-0", runId + "-m0-" + (lines.size() - 1));
            assertThat(model.at("/distributions/latency_ms/max").asDouble())
                    .isGreaterThan(model.at("/distributions/service_latency_ms/p50").asDouble());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"openai", "anthropic"})
    void theLoadModeDrivesEveryWireFormat(String provider) throws Exception {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.defaultReply(Reply.text("a short answer").usage(5, 3));
            Map<String, String> env = new HashMap<>();
            if (provider.equals("openai")) {
                env.put("OPENAI_BASE_URL", server.openAiUrl());
            } else {
                env.put("ANTHROPIC_BASE_URL", server.anthropicUrl());
                env.put("ANTHROPIC_API_KEY", "sk-ant-test-key");
            }
            Path run = tmp.resolve("run-" + provider);
            Process p = ChildCli.start(tmp.resolve(provider + ".log"), env, "run", "--model", provider + ":m",
                    "--tests", "basic_reasoning", "--duration", "300ms", "--concurrency", "3", "--warmup", "2",
                    "--out", run.toString());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child hung: " + Files.readString(tmp.resolve(provider + ".log")));
            }
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve(provider + ".log"))).isZero();
            List<JsonNode> lines = requests(run);
            assertThat(lines).isNotEmpty().allSatisfy(n -> {
                assertThat(n.get("error").isNull()).as(n.toString()).isTrue();
                assertThat(n.get("ttft_ns").asLong()).isPositive();
                assertThat(n.get("output_tokens").asLong()).isEqualTo(3);
            });
            long chats = server.requests().stream().filter(r -> r.header("X-Request-Id").isPresent()).count();
            assertThat(chats).as("warmup + measured requests, each with its id").isEqualTo(lines.size() + 2);
        }
    }

    /** Queued requests whose wait alone exceeds {@code boundNanos}: they cannot be good. */
    private static int countQueuedPast(List<JsonNode> lines, long stallEnd, long boundNanos) {
        int n = 0;
        for (JsonNode l : lines) {
            long intended = l.get("intended_ns").asLong();
            if (l.get("seq").asLong() > 0 && stallEnd - intended > boundNanos) {
                n++;
            }
        }
        return n;
    }
}
