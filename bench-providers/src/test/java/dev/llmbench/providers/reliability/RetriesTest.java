package dev.llmbench.providers.reliability;

import dev.llmbench.providers.testing.ContainsGrader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.results.ResultReader;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.anthropic.AnthropicProviderFactory;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries ({@code Options#retries}) end to end: the real anthropic provider against
 * {@link FakeLlmServer}, one case, one trial, through core's {@link Runner}.
 */
class RetriesTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private FakeLlmServer server;

    @BeforeEach
    void start() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a429ThenASuccessPassesWithOneRetryAndCountsIt() throws Exception {
        server.enqueue(Reply.rateLimited(Duration.ZERO), Reply.text("the answer is forty-two"));
        Path out = tmp.resolve("one");
        RunResult r = run(options(out).retries(1));

        TrialRecord t = onlyTrial(r);
        assertThat(t.error()).isEmpty();
        assertThat(t.passed()).isTrue();
        assertThat(t.retries()).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(2);
        JsonNode result = ResultReader.readTree(out.resolve("result.json"));
        JsonNode model = result.path("models").get(0);
        assertThat(model.path("summary").path("retries").asLong()).isEqualTo(1);
        assertThat(model.path("tests").get(0).path("trials").get(0).path("retries").asInt()).isEqualTo(1);
        assertThat(ResultReader.read(out.resolve("result.json")).models().get(0).summary().retries()).isEqualTo(1);
        String trialLine = Files.readAllLines(out.resolve("journal.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("\"type\":\"trial\"")).findFirst().orElseThrow();
        assertThat(JsonCodec.readTrial(JsonCodec.MAPPER.readTree(trialLine)).retries()).isEqualTo(1);
    }

    @Test
    void withoutRetriesTheSame429IsRecordedAsRateLimited() {
        server.enqueue(Reply.rateLimited(Duration.ZERO), Reply.text("the answer is forty-two"));
        RunResult r = run(options(tmp.resolve("zero")));

        TrialRecord t = onlyTrial(r);
        assertThat(t.error().orElseThrow().errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(t.retries()).isZero();
        assertThat(r.models().get(0).summary().retries()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theRetryWaitsAtLeastTheServersRetryAfter() {
        server.enqueue(Reply.rateLimited(Duration.ofSeconds(1)), Reply.text("the answer is forty-two"));
        RunResult r = run(options(tmp.resolve("wait")).retries(1));

        assertThat(onlyTrial(r).ok()).isTrue();
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).receivedNanos() - requests.get(0).receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(1000).toNanos());
    }

    @Test
    void theCapShortensALongRetryAfter() {
        server.enqueue(Reply.rateLimited(Duration.ofMinutes(10)), Reply.text("the answer is forty-two"));
        RunResult r = run(options(tmp.resolve("cap")).retries(1).maxBackoff(Duration.ofMillis(100)));

        assertThat(onlyTrial(r).ok()).as("retried after the 100 ms cap, not after 10 minutes").isTrue();
        assertThat(onlyTrial(r).retries()).isEqualTo(1);
    }

    @Test
    void anAuthenticationFailureIsNeverRetried() {
        server.enqueue(Reply.error(401, "invalid x-api-key"), Reply.text("the answer is forty-two"));
        RunResult r = run(options(tmp.resolve("auth")).retries(3));

        TrialRecord t = onlyTrial(r);
        assertThat(t.error().orElseThrow().errorClass()).isEqualTo(ErrorClass.AUTHENTICATION);
        assertThat(t.retries()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void retriesStopAfterTheLimitAndTheLastErrorIsRecorded() {
        server.enqueue(Reply.error(503, "busy"), Reply.error(503, "busy"), Reply.error(503, "still busy"),
                Reply.text("the answer is forty-two"));
        RunResult r = run(options(tmp.resolve("limit")).retries(2).maxBackoff(Duration.ofMillis(50)));

        TrialRecord t = onlyTrial(r);
        assertThat(t.error().orElseThrow().errorClass()).isEqualTo(ErrorClass.SERVER_ERROR);
        assertThat(t.error().get().message()).contains("still busy");
        assertThat(t.retries()).isEqualTo(2);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    private Options.Builder options(Path out) {
        return Options.builder().model("anthropic:claude-test").suite("one").trials(1).warmup(0).seed(3)
                .requestTimeout(Duration.ofSeconds(10)).outputDir(out).formats(List.of(ResultFormatType.JSON));
    }

    private RunResult run(Options.Builder options) {
        ServiceRegistry registry = ServiceRegistry.builder().noDiscovery().provider(anthropicAt(server.anthropicUrl()))
                .grader(new ContainsGrader()).suite(suite()).build();
        return Assertions.assertTimeoutPreemptively(HANG_GUARD,
                () -> Runner.builder(options.build()).registry(registry).build().run());
    }

    private static TrialRecord onlyTrial(RunResult r) {
        List<TrialRecord> trials = r.models().get(0).tests().get(0).trials();
        assertThat(trials).hasSize(1);
        return trials.get(0);
    }

    private static ProviderFactory anthropicAt(String baseUrl) {
        AnthropicProviderFactory real = new AnthropicProviderFactory();
        return new ProviderFactory() {
            @Override
            public String id() {
                return real.id();
            }

            @Override
            public String description() {
                return real.description();
            }

            @Override
            public Provider create(ProviderConfig config) {
                return real.create(config.withBaseUrl(baseUrl).withApiKey(Secret.of("sk-retries-test")));
            }
        };
    }

    private static BenchSuite suite() {
        BenchTest test = new DefaultBenchTest("answer", "fixture", "says forty-two", 1.0,
                List.of(new TestCase("c1", ChatRequest.ofUser("what is the answer?"),
                        List.of(GraderConfig.of("contains").list("words", "forty-two").build()),
                        Calibration.of("forty-two", "no idea", "seven"))));
        return new BenchSuite() {
            @Override
            public String id() {
                return "one";
            }

            @Override
            public String description() {
                return "one case";
            }

            @Override
            public List<BenchTest> tests() {
                return List.of(test);
            }
        };
    }
}
