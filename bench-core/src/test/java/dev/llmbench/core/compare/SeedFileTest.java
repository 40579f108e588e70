package dev.llmbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.ErrorClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading seed harness result files. The fixtures are made up (model names and values) but follow
 * SEED-HARNESS.md section 7; their top-level figures were computed from their {@code results} by the
 * seed's rules in Python: {@code seed-alpha.json} with Python 3.11's {@code sum()} (13 successes, an
 * HTTP 500 {@code error} and an {@code exception}), {@code seed-beta-py312.json} with CPython 3.12's
 * compensated {@code sum()}, chosen so that the two summations give different last bits.
 */
class SeedFileTest {
    @TempDir
    Path tmp;

    private static Path fixture(String name) throws Exception {
        return Path.of(SeedFileTest.class.getResource(name).toURI());
    }

    private static JsonNode json(Path file) throws Exception {
        return JsonCodec.MAPPER.readTree(file.toFile());
    }

    @Test
    void reproducesTheFilesOverallScorePassedAverageTtfAndReliabilityExactly() throws Exception {
        Path file = fixture("seed-alpha.json");
        JsonNode raw = json(file);

        SeedFile seed = ComparedFile.read(file).seed().orElseThrow();

        SeedFigures f = seed.recomputed();
        assertThat(f.overallScore()).isEqualTo(raw.path("overall_score").asDouble());
        assertThat(f.passed()).isEqualTo(raw.path("passed").asInt()).isEqualTo(5);
        assertThat(f.avgTtftMs()).isEqualTo(raw.path("avg_time_to_first_token_ms").asDouble());
        assertThat(f.reliability()).isEqualTo(raw.path("reliability_score").asDouble()).isEqualTo(13.0 / 15);
        assertThat(f.avgScore()).isEqualTo(raw.path("avg_score").asDouble());
        assertThat(f.avgTotalTimeMs()).isEqualTo(raw.path("avg_total_time_ms").asDouble());
        assertThat(f.totalRuntimeMs()).isEqualTo(raw.path("total_runtime_ms").asDouble());
        assertThat(f.errors()).isEqualTo(2);
        assertThat(f.failed()).isEqualTo(raw.path("failed").asInt());
        assertThat(seed.differences()).isEmpty();
        assertThat(seed.summation()).isEqualTo(SeedFigures.Summation.NAIVE);
    }

    @Test
    void reproducesAFileWrittenByPython312sCompensatedSum() throws Exception {
        Path file = fixture("seed-beta-py312.json");
        JsonNode raw = json(file);

        SeedFile seed = ComparedFile.read(file).seed().orElseThrow();

        SeedFigures naive = SeedFigures.compute(seed.results(), SeedFigures.Summation.NAIVE);
        assertThat(naive.overallScore()).as("the fixture tells the two apart")
                .isNotEqualTo(raw.path("overall_score").asDouble());
        assertThat(seed.summation()).isEqualTo(SeedFigures.Summation.NEUMAIER);
        assertThat(seed.recomputed().overallScore()).isEqualTo(raw.path("overall_score").asDouble());
        assertThat(seed.recomputed().avgScore()).isEqualTo(raw.path("avg_score").asDouble());
        assertThat(seed.differences()).isEmpty();
    }

    @Test
    void sumsFloatsAsPythonDoes() {
        List<Double> tenths = java.util.Collections.nCopies(10, 0.1);
        assertThat(SeedFigures.sum(tenths, SeedFigures.Summation.NAIVE)).as("Python 3.11 sum([0.1]*10)")
                .isEqualTo(0.9999999999999999);
        assertThat(SeedFigures.sum(tenths, SeedFigures.Summation.NEUMAIER)).as("Python 3.12 sum([0.1]*10)")
                .isEqualTo(1.0);
    }

    @Test
    void mapsEachResultToOneTrialWithoutInventingFigures() throws Exception {
        ComparedFile f = ComparedFile.read(fixture("seed-alpha.json"));
        ModelResult m = f.result().models().get(0);

        assertThat(f.provenance().format()).isEqualTo(Provenance.Format.SEED);
        assertThat(f.provenance().missing()).contains(Figure.CI, Figure.PERCENTILES, Figure.CHECKS, Figure.TRIALS);
        assertThat(m.model()).isEqualTo("ollama-fixture-7b");
        assertThat(m.tests()).hasSize(15).allSatisfy(t -> {
            assertThat(t.trials()).singleElement().satisfies(tr -> {
                assertThat(tr.caseId()).isEqualTo(SeedMapping.CASE);
                assertThat(tr.checks()).isEmpty();
            });
            assertThat(t.scoreCi95()).isEmpty();
            assertThat(t.passRateCi95()).isEmpty();
        });
        TestResult structured = test(m, "structured_output");
        TrialRecord error = structured.trials().get(0);
        assertThat(error.score()).isZero();
        assertThat(error.error()).get().satisfies(e -> {
            assertThat(e.errorClass()).isEqualTo(ErrorClass.SERVER_ERROR);
            assertThat(e.httpStatusCode()).isEqualTo(500);
            assertThat(e.message()).startsWith("500 Server Error");
        });
        assertThat(test(m, "complex_reasoning").trials().get(0).error()).get()
                .extracting(e -> e.errorClass()).isEqualTo(ErrorClass.INTERNAL);
        TrialRecord ok = test(m, "basic_reasoning").trials().get(0);
        assertThat(ok.score()).isEqualTo(0.7);
        assertThat(ok.timing().ttftNanos()).isEqualTo(1_295_235_018L);

        ModelSummary s = m.summary();
        assertThat(s.qualityCi95()).isEmpty();
        assertThat(s.reliabilityCi95()).isEmpty();
        assertThat(s.ttftMs().count()).isEqualTo(13);
        assertThat(s.ttftMs().p50()).as("no percentile from one request per test").isNaN();
        assertThat(s.latencyMs().p95()).isNaN();
        assertThat(s.testsPassed()).isEqualTo(5);
        assertThat(s.errors()).isEqualTo(2);
        assertThat(s.smfOverall()).isEqualTo(json(fixture("seed-alpha.json")).path("overall_score").asDouble());
        assertThat(s.quality()).as("llmbench's rule: errors score 0, over all 15 tests")
                .isEqualTo(m.tests().stream().mapToDouble(TestResult::score).sum() / 15, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void everyOutputMarksWhatTheSeedFileLacks() throws Exception {
        Comparison c = Comparison.of(List.of(ComparedFile.read(fixture("seed-alpha.json")),
                ComparedFile.read(fixture("seed-beta-py312.json"))), Optional.empty());

        String text = CompareText.text(c);
        assertThat(text).contains("— (seed file has no CI)").contains("— (seed file has no percentiles)")
                .contains("— (seed file has no cost)").contains("Seed harness figures").contains("yes, exactly")
                .contains("0.76").contains("— (1 pair, no CI)");
        assertThat(CompareText.markdown(c)).contains("— (seed file has no CI)");
        JsonNode json = JsonCodec.MAPPER.readTree(CompareJson.write(c));
        JsonNode row = json.path("leaderboard").get(1);
        assertThat(row.path("format").asText()).isEqualTo("seed");
        assertThat(row.path("quality_ci95").isNull()).isTrue();
        assertThat(row.path("ttft_ms").path("p50").isNull()).isTrue();
        assertThat(row.path("missing").toString()).contains("ci", "percentiles");
        JsonNode seed = json.path("seed").get(1);
        assertThat(seed.path("written").path("overall_score").asDouble())
                .isEqualTo(json(fixture("seed-alpha.json")).path("overall_score").asDouble());
        assertThat(seed.path("reproduced").asBoolean()).isTrue();
    }

    @Test
    void notesAFileWhoseFiguresItsResultsDoNotGive() throws Exception {
        ObjectNode root = (ObjectNode) json(fixture("seed-alpha.json"));
        root.put("overall_score", 0.9);
        Path edited = tmp.resolve("edited.json");
        Files.writeString(edited, root.toString());

        Comparison c = Comparison.of(List.of(ComparedFile.read(edited)), Optional.empty());

        assertThat(c.notes()).singleElement().asString().contains("overall_score 0.9 in the file");
        assertThat(CompareText.text(c)).contains("NO: overall_score 0.9 in the file");
    }

    @Test
    void labelsFromFilesCannotInjectMarkupOrTerminalEscapes() throws Exception {
        ObjectNode root = (ObjectNode) json(fixture("seed-alpha.json"));
        root.put("model", "evil|<script>x</script>\u001b[31m");
        Path edited = tmp.resolve("evil.json");
        Files.writeString(edited, root.toString());
        Comparison c = Comparison.of(List.of(ComparedFile.read(edited)), Optional.empty());

        assertThat(CompareText.text(c)).doesNotContain("\u001b").contains("evil|<script>");
        assertThat(CompareText.markdown(c)).doesNotContain("<script>").doesNotContain("evil|")
                .contains("evil\\|&lt;script&gt;");
        assertThat(CompareHtml.write(c)).doesNotContain("<script>").contains("evil|&lt;script&gt;");
    }

    @Test
    void rejectsMalformedAndForeignFilesNamingThem() throws Exception {
        Path unknownStatus = tmp.resolve("status.json");
        ObjectNode root = (ObjectNode) json(fixture("seed-alpha.json"));
        ((ObjectNode) root.path("results").get(3)).put("status", "skipped");
        Files.writeString(unknownStatus, root.toString());
        assertThatThrownBy(() -> ComparedFile.read(unknownStatus)).isInstanceOf(BenchRunException.class)
                .hasMessage(unknownStatus + " is a malformed seed harness result: results[3]: unknown status"
                        + " \"skipped\" (expected success, error or exception)");

        Path foreign = tmp.resolve("foreign.json");
        Files.writeString(foreign, "{\"hello\": 1}");
        assertThatThrownBy(() -> ComparedFile.read(foreign)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageStartingWith(foreign + " is neither an llmbench result");
    }

    private static TestResult test(ModelResult m, String id) {
        return m.tests().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
