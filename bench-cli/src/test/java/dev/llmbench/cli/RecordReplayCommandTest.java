package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.anthropic.AnthropicProviderFactory;
import dev.llmbench.providers.replay.ReplayProviderFactory;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --record DIR} on {@code ask} and {@code run}, and {@code ask --model replay:DIR}. */
class RecordReplayCommandTest {
    private static final String KEY = "sk-canary-cli-9d8e7f";
    private static final String FAST_ORACLE = "sim:oracle?ttft=0ms&tps=100000&jitter=0";

    @TempDir
    Path tmp;

    /**
     * The anthropic provider under the id {@code keyed}, with a key (ask has no key option and the
     * test cannot set ANTHROPIC_API_KEY); it records as {@code anthropic}, so replay finds the real one.
     */
    private static final class KeyedAnthropic implements ProviderFactory {
        private final AnthropicProviderFactory real = new AnthropicProviderFactory();

        @Override
        public String id() {
            return "keyed";
        }

        @Override
        public String description() {
            return "anthropic with a test key";
        }

        @Override
        public Provider create(ProviderConfig config) {
            return real.create(config.withApiKey(Secret.of(KEY)));
        }
    }

    private static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), false,
                new DefaultModel("127.0.0.1:" + CliRunner.closedPort(), Duration.ofMillis(500)),
                () -> ServiceRegistry.builder().discoverProviders(false).provider(new KeyedAnthropic())
                        .provider(new ReplayProviderFactory()).build());
        int code = Main.execute(cli, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The parts of ask's JSON that a replay must reproduce (timings differ by design). */
    private static JsonNode withoutTimings(String json) throws Exception {
        ObjectNode n = (ObjectNode) JsonCodec.MAPPER.readTree(json);
        n.remove("timings");
        n.remove("model");
        return n;
    }

    @Test
    void askRecordsAndAskReplaysTheSameAnswerWithoutTheServer() throws Exception {
        Path rec = tmp.resolve("rec");
        Outcome live;
        Outcome failed;
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.enqueue(Reply.text("Paris is the capital.").usage(12, 5), Reply.error(429, "slow down"));
            live = cli("ask", "--model", "keyed:claude-test", "--base-url", server.anthropicUrl(), "--record",
                    rec.toString(), "Capital of France?");
            failed = cli("ask", "--model", "keyed:claude-test", "--base-url", server.anthropicUrl(), "--record",
                    rec.toString(), "Capital of France?");
        }
        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        try (Stream<Path> files = Files.list(rec)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
            }
        }

        Outcome replayed = cli("ask", "--model", "replay:" + rec, "Capital of France?");
        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(withoutTimings(replayed.out())).isEqualTo(withoutTimings(live.out()));
        assertThat(JsonCodec.MAPPER.readTree(replayed.out()).path("text").asText()).isEqualTo("Paris is the capital.");
        assertThat(JsonCodec.MAPPER.readTree(replayed.out()).path("model").asText()).isEqualTo("replay:" + rec);

        Outcome replayedFailure = cli("ask", "--model", "replay:" + rec + "?speed=recorded", "Capital of France?");
        assertThat(replayedFailure.exitCode()).as("a fresh process starts at the first recording again").isZero();

        Outcome other = cli("ask", "--model", "replay:" + rec, "Capital of Spain?");
        assertThat(other.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(JsonCodec.MAPPER.readTree(other.out()).path("error").path("class").asText())
                .isEqualTo("invalid_request");
        assertThat(other.err()).contains("no recording left");
    }

    @Test
    void askRejectsARecordPathThatIsAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Outcome o = CliRunner.run("ask", "--model", FAST_ORACLE, "--record", file.toString(), "hi");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("not a directory");
    }

    @Test
    void runAcceptsRecordWithTheSimulatorAndStoresItInTheRunOptions() throws Exception {
        Path out = tmp.resolve("run");
        Path rec = tmp.resolve("rec");
        Outcome o = CliRunner.run("run", "--model", FAST_ORACLE, "--trials", "1", "--warmup", "0", "--tests",
                "basic_reasoning", "--record", rec.toString(), "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode doc = JsonCodec.MAPPER.readTree(out.resolve("result.json").toFile());
        assertThat(doc.at("/run/options/record_dir").asText()).isEqualTo(rec.toAbsolutePath().toString());
        assertThat(rec).as("the simulator has nothing to record").doesNotExist();
    }

    @Test
    void runRejectsRecordCombinedWithResume() {
        Outcome o = CliRunner.run("run", "--resume", tmp.toString(), "--record", tmp.resolve("rec").toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("--resume").contains("--record");
    }
}
