package dev.llmbench.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.fixtures.Fixtures;
import dev.llmbench.core.fixtures.ScriptedProvider;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.results.format.JsonResultWriter;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.timing.FakeTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a written {@code result.json} back into a {@link RunResult}. */
class ResultReaderTest {
    @TempDir
    Path tmp;

    private RunResult original;
    private Path file;

    /** A real run of the fixture suite, 3 trials, every fourth request failing. */
    @BeforeEach
    void run() {
        FakeTicker ticker = new FakeTicker();
        AtomicInteger n = new AtomicInteger();
        ScriptedProvider provider = new ScriptedProvider(ticker, (ChatRequest r) -> n.incrementAndGet() % 4 == 0,
                ErrorClass.RATE_LIMITED);
        ServiceRegistry registry = ServiceRegistry.builder().noDiscovery().provider(provider)
                .grader(new Fixtures.ContainsGrader()).suite(Fixtures.suite()).build();
        Options options = Options.builder().model("scripted:m").suite("mini").trials(3).warmup(1)
                .outputDir(tmp.resolve("run")).formats(List.of(ResultFormatType.JSON)).build();
        original = Runner.builder(options).registry(registry).ticker(ticker).build().run();
        file = tmp.resolve("run").resolve("result.json");
    }

    @Test
    void readingBackReproducesEveryFigureOfTheWrittenDocument() throws Exception {
        RunResult read = ResultReader.read(file);

        assertThat(original.models().get(0).summary().errors()).as("the run has failures").isPositive();
        JsonNode written = JsonCodec.MAPPER.readTree(file.toFile());
        JsonNode rewritten = JsonCodec.MAPPER.readTree(JsonResultWriter.write(read));
        // Figures derived per trial from the rounded timings may differ in the 4th decimal, and the
        // result file does not hold the inter-token gaps; everything else must be identical.
        for (JsonNode doc : List.of(written, rewritten)) {
            for (JsonNode m : doc.path("models")) {
                for (JsonNode t : m.path("tests")) {
                    for (JsonNode tr : t.path("trials")) {
                        ((ObjectNode) tr).remove(List.of("tpot_ms", "decode_tps", "e2e_tps", "itl_count"));
                    }
                }
            }
        }
        assertThat(rewritten).isEqualTo(written);
    }

    @Test
    void readingBackKeepsTheSummaryTestsAndTrials() {
        RunResult read = ResultReader.read(file);

        ModelResult a = original.models().get(0);
        ModelResult b = read.models().get(0);
        assertThat(b.model()).isEqualTo(a.model());
        assertThat(b.summary().quality()).isCloseTo(a.summary().quality(), within(5e-5));
        assertThat(b.summary().qualityCi95()).isPresent();
        assertThat(b.summary().errorsByClass()).isEqualTo(a.summary().errorsByClass());
        assertThat(b.summary().reliability()).isCloseTo(a.summary().reliability(), within(5e-5));
        assertThat(b.summary().ttftMs().p95()).isCloseTo(a.summary().ttftMs().p95(), within(5e-5));
        assertThat(b.summary().histograms()).isEqualTo(a.summary().histograms());
        assertThat(b.summary().costUsd()).isEqualTo(a.summary().costUsd());
        assertThat(b.tests()).extracting(TestResult::id).containsExactlyElementsOf(a.tests().stream().map(TestResult::id).toList());
        TestResult ta = a.tests().get(0);
        TestResult tb = b.tests().get(0);
        assertThat(tb.passAtK().keySet()).isEqualTo(ta.passAtK().keySet());
        assertThat(tb.trials()).hasSameSizeAs(ta.trials());
        for (int i = 0; i < ta.trials().size(); i++) {
            TrialRecord x = ta.trials().get(i);
            TrialRecord y = tb.trials().get(i);
            assertThat(y.key()).isEqualTo(x.key());
            assertThat(y.score()).isEqualTo(x.score());
            assertThat(y.checks()).isEqualTo(x.checks());
            assertThat(y.error()).isEqualTo(x.error());
            assertThat(y.response()).isEqualTo(x.response());
            assertThat(y.timing().latencyNanos()).isCloseTo(x.timing().latencyNanos(), within(50L));
            assertThat(y.timing().ttftNanos()).isCloseTo(x.timing().ttftNanos(), within(50L));
            assertThat(y.timing().itlNanos().toArray()).as("gaps live in the journal only").isEmpty();
        }
    }

    @Test
    void toleratesMissingOptionalFields() throws Exception {
        ObjectNode root = (ObjectNode) JsonCodec.MAPPER.readTree(file.toFile());
        ObjectNode summary = (ObjectNode) root.path("models").get(0).path("summary");
        summary.remove(List.of("quality_ci95", "histograms", "cost_usd", "cold_start_ms", "itl_ms", "errors_by_class"));
        ObjectNode trial = (ObjectNode) root.path("models").get(0).path("tests").get(0).path("trials").get(0);
        trial.remove(List.of("checks", "reasoning", "ttfb_ms", "input_tokens", "cost_usd", "usage_source"));

        RunResult read = ResultReader.read(root, "edited");

        ModelSummary s = read.models().get(0).summary();
        assertThat(s.qualityCi95()).isEmpty();
        assertThat(s.histograms()).isEmpty();
        assertThat(s.costUsd()).isEmpty();
        assertThat(s.itlMs().isEmpty()).isTrue();
        TrialRecord t = read.models().get(0).tests().get(0).trials().get(0);
        assertThat(t.checks()).isEmpty();
        assertThat(t.timing().ttfb()).isEmpty();
        assertThat(t.inputTokens()).isEqualTo(-1);
    }

    @Test
    void rejectsAnotherSchemaWithOneLineNamingTheFile() throws Exception {
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"schema\": \"llmbench.result/v9\", \"run\": {}, \"models\": []}");

        assertThatThrownBy(() -> ResultReader.read(other)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining(other.toString()).hasMessageContaining("\"llmbench.result/v9\"")
                .hasMessageContaining(RunResult.SCHEMA).message().doesNotContain("\n");
    }

    @Test
    void reportsUnreadableAndMalformedFilesNamingThem() throws Exception {
        Path missing = tmp.resolve("missing.json");
        assertThatThrownBy(() -> ResultReader.read(missing)).isInstanceOf(BenchRunException.class)
                .hasMessage("cannot read " + missing + ": no such file");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"schema\": \"llmbench.result/v1\",\n  \"run\": ");
        assertThatThrownBy(() -> ResultReader.read(broken)).isInstanceOf(BenchRunException.class)
                .hasMessageStartingWith("cannot read " + broken + ": not valid JSON (line ")
                .message().doesNotContain("\n");
        Path noRun = tmp.resolve("norun.json");
        Files.writeString(noRun, "{\"schema\": \"llmbench.result/v1\", \"models\": []}");
        assertThatThrownBy(() -> ResultReader.read(noRun)).isInstanceOf(BenchRunException.class)
                .hasMessage(noRun + " is a malformed llmbench result: field \"run\" is missing");
    }
}
