package dev.llmbench.providers.replay;

import dev.llmbench.providers.testing.ContainsGrader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.anthropic.AnthropicProviderFactory;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run through core's {@link Runner} with {@code --record}, against {@link FakeLlmServer},
 * then the same run as {@code replay:DIR} with the server gone: every trial grades the same.
 */
class RecordedRunTest {
    private static final String KEY = "sk-canary-run-5a4b3c";

    @TempDir
    Path tmp;

    /** The real anthropic provider, pointed at the fake server with a key (the runner passes neither). */
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
                return real.create(config.withBaseUrl(baseUrl).withApiKey(Secret.of(KEY)));
            }
        };
    }

    private static TestCase testCase(String id, String prompt, String... words) {
        return new TestCase(id, ChatRequest.ofUser(prompt), List.of(GraderConfig.of("contains").list("words", words).build()),
                Calibration.of(String.join(" ", words), "nothing", "wrong"));
    }

    private static BenchSuite suite() {
        BenchTest colours = new DefaultBenchTest("colours", "fixture", "echoes colours", 1.0,
                List.of(testCase("c1", "say red green", "red", "green"), testCase("c2", "say blue", "blue")));
        BenchTest animals = new DefaultBenchTest("animals", "fixture", "never says dogs", 1.0,
                List.of(testCase("a1", "say cats", "dogs")));
        return new BenchSuite() {
            @Override
            public String id() {
                return "mini";
            }

            @Override
            public String description() {
                return "fixture suite";
            }

            @Override
            public List<BenchTest> tests() {
                return List.of(colours, animals);
            }
        };
    }

    private Options.Builder options(String model, String out) {
        return Options.builder().model(model).suite("mini").trials(2).warmup(1).seed(11).outputDir(tmp.resolve(out))
                .formats(List.of(ResultFormatType.JSON));
    }

    private static ServiceRegistry registry(ProviderFactory provider) {
        return ServiceRegistry.builder().noDiscovery().provider(provider).grader(new ContainsGrader()).suite(suite())
                .build();
    }

    /** What must not change between the recorded and the replayed run. */
    private record Graded(String test, String caseId, int trial, double score, boolean passed, String response,
            String finish, String error) {}

    private static List<Graded> graded(RunResult r) {
        return r.models().get(0).tests().stream().flatMap(t -> t.trials().stream().map(x -> graded(t, x))).toList();
    }

    private static Graded graded(TestResult t, TrialRecord x) {
        return new Graded(t.id(), x.caseId(), x.trial(), x.score(), x.passed(), x.response(), x.finishReason(),
                x.error().map(e -> e.errorClass().id() + ": " + e.message()).orElse(""));
    }

    @Test
    void aRecordedRunReplaysOfflineWithIdenticalGrades() throws Exception {
        Path rec = tmp.resolve("cassettes");
        RunResult live;
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.defaultReply(Reply.echo());
            server.enqueue(Reply.text("warming up"));
            server.enqueue(Reply.error(500, "the GPU caught fire"));
            live = Runner.builder(options("anthropic:claude-test", "live").recordDir(rec).build())
                    .registry(registry(anthropicAt(server.anthropicUrl()))).build().run();
        }
        List<Graded> recorded = graded(live);
        assertThat(recorded).hasSize(6);
        assertThat(recorded).filteredOn(g -> g.error().startsWith("server_error")).hasSize(1);
        assertThat(recorded).filteredOn(Graded::passed).hasSize(3);
        try (Stream<Path> files = Files.list(rec)) {
            List<Path> cassettes = files.toList();
            assertThat(cassettes).as("1 warmup + 3 cases x 2 trials").hasSize(7);
            for (Path f : cassettes) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
            }
        }

        RunResult replayed = Runner.builder(options("replay:" + rec, "replayed").build())
                .registry(registry(new ReplayProviderFactory())).build().run();

        assertThat(graded(replayed)).isEqualTo(recorded);
        assertThat(replayed.models().get(0).summary().quality()).isEqualTo(live.models().get(0).summary().quality());
        assertThat(replayed.models().get(0).summary().errors()).isEqualTo(live.models().get(0).summary().errors());
    }
}
