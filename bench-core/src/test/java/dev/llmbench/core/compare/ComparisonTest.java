package dev.llmbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.fixtures.Fixtures;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.stats.Verdict;
import dev.llmbench.core.timing.FakeTicker;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Comparison} on real runs: the runner executes the {@code mini} fixture suite against
 * {@link TunableProvider} models, writes {@code result.json}, and the comparison reads it back.
 * Suite {@code mini}: test {@code alpha} (two cases every correct answer passes) and {@code beta}
 * (one case even the reference fails, so every model scores 0 there).
 */
class ComparisonTest {
    private static final int TRIALS = 10;

    @TempDir
    Path tmp;

    private final FakeTicker ticker = new FakeTicker();

    private ComparedFile run(String dir, long seed, String... models) {
        Options.Builder b = Options.builder().suite("mini").trials(TRIALS).warmup(0).seed(seed)
                .outputDir(tmp.resolve(dir)).formats(List.of(ResultFormatType.JSON));
        for (String m : models) {
            b.model("tunable:" + m);
        }
        ServiceRegistry registry = ServiceRegistry.builder().noDiscovery().provider(new TunableProvider(ticker))
                .grader(new Fixtures.ContainsGrader()).suite(Fixtures.suite()).build();
        Runner.builder(b.build()).registry(registry).ticker(ticker).build().run();
        return ComparedFile.read(tmp.resolve(dir));
    }

    private static TestComparison test(HeadToHead h, String id) {
        return h.tests().stream().filter(t -> t.testId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void namesTheClearlyBetterModelOverallAndWhereATestSeparatesThem() {
        Comparison c = Comparison.of(List.of(run("one", 42, "bad", "good")), Optional.empty());

        assertThat(c.leaderboard()).extracting(ComparedModel::label).containsExactly("tunable:good", "tunable:bad");
        HeadToHead h = c.pairs().get(0).result();
        assertThat(h.modelA()).isEqualTo("tunable:good");
        assertThat(test(h, "alpha").paired().verdict()).isEqualTo(Verdict.A);
        assertThat(test(h, "alpha").paired().pairs()).isEqualTo(2 * TRIALS);
        assertThat(test(h, "beta").paired().verdict()).as("both score 0 on beta").isEqualTo(Verdict.TIE);
        assertThat(h.overall().verdict()).isEqualTo(Verdict.A);

        String text = CompareText.text(c);
        assertThat(text).contains("verdict: tunable:good");
        assertThat(line(text, "alpha ")).endsWith("tunable:good");
        assertThat(line(text, "beta ")).endsWith("tie (n.s.)");
    }

    @Test
    void twoRunsOfTheSameModelWithDifferentSeedsAreATieAndAreLabelledByFile() {
        ComparedFile first = run("first", 1, "coin");
        ComparedFile second = run("second", 2, "coin");
        assertThat(first.result().models().get(0).tests().get(0).trials())
                .as("the seeds give different answers")
                .extracting(t -> t.score())
                .isNotEqualTo(second.result().models().get(0).tests().get(0).trials().stream().map(t -> t.score()).toList());

        Comparison c = Comparison.of(List.of(first, second), Optional.empty());

        assertThat(c.leaderboard()).extracting(ComparedModel::label)
                .containsExactlyInAnyOrder("first/result.json:tunable:coin", "second/result.json:tunable:coin");
        HeadToHead h = c.pairs().get(0).result();
        assertThat(h.overall().verdict()).isEqualTo(Verdict.TIE);
        assertThat(h.overall().pairs()).isEqualTo(3 * TRIALS);
        assertThat(CompareText.text(c)).contains("verdict: tie (n.s.)");
    }

    @Test
    void aCandidateThatFailsMoreIsAScoreRegression() {
        ComparedFile baseline = run("base", 42, "good");
        ComparedFile candidate = run("cand", 42, "flaky");

        Comparison c = Comparison.of(List.of(candidate), Optional.of(baseline));

        assertThat(c.baselines()).hasSize(1);
        BaselineComparison b = c.baselines().get(0);
        assertThat(b.baseline().label()).isEqualTo("tunable:good");
        assertThat(b.candidate().label()).isEqualTo("tunable:flaky");
        assertThat(c.regressions()).extracting(Regression::kind, Regression::test).contains(
                org.assertj.core.groups.Tuple.tuple(Regression.Kind.SCORE, "alpha"),
                org.assertj.core.groups.Tuple.tuple(Regression.Kind.SCORE, Regression.OVERALL));
        assertThat(c.regressions()).as("beta is 0 for both").noneMatch(r -> r.test().equals("beta"));
        assertThat(line(CompareText.text(c), "alpha ")).contains("REGRESSION (score)");
    }

    @Test
    void aSlowerCandidateIsALatencyRegressionWithoutAScoreRegression() {
        ComparedFile baseline = run("base", 42, "good");
        ComparedFile candidate = run("cand", 7, "slow");

        Comparison c = Comparison.of(List.of(candidate), Optional.of(baseline));

        LatencyChange overall = c.baselines().get(0).latency().stream()
                .filter(l -> l.test().equals(Regression.OVERALL)).findFirst().orElseThrow();
        assertThat(overall.ratio()).isGreaterThan(LatencyChange.MIN_RATIO);
        assertThat(overall.ratioCi95()).get().satisfies(ci -> assertThat(ci.lo()).isGreaterThan(1.0));
        assertThat(c.regressions()).isNotEmpty().allMatch(r -> r.kind() == Regression.Kind.LATENCY);
        assertThat(c.regressions()).extracting(Regression::test).contains("alpha", Regression.OVERALL);
    }

    @Test
    void aRerunOfTheSameModelIsNoRegression() {
        ComparedFile baseline = run("base", 42, "coin");
        ComparedFile candidate = run("cand", 43, "coin");

        Comparison c = Comparison.of(List.of(candidate), Optional.of(baseline));

        assertThat(c.baselines()).hasSize(1);
        assertThat(c.baselines().get(0).baseline().label()).isEqualTo("base/result.json:tunable:coin");
        assertThat(c.regressions()).isEmpty();
        assertThat(CompareText.text(c)).contains("No significant regression against the baseline.");
    }

    @Test
    void latencyNeedsASignificantAndMaterialSlowdown() {
        List<Double> base = List.of(100.0, 110.0, 90.0, 105.0, 95.0);
        assertThat(LatencyChange.of("t", base, base.stream().map(v -> v * 1.5).toList()).regression()).isTrue();
        assertThat(LatencyChange.of("t", base, base.stream().map(v -> v * 1.05).toList()).regression())
                .as("5% slower is below the minimum effect").isFalse();
        assertThat(LatencyChange.of("t", List.of(1.0, 1.1, 0.9), List.of(2.0, 2.2, 1.8)).regression())
                .as("twice as slow but only 1 ms").isFalse();
        assertThat(LatencyChange.of("t", List.of(100.0, 100.0), List.of(200.0, 200.0)).regression())
                .as("too few pairs").isFalse();
        LatencyChange noisy = LatencyChange.of("t", List.of(100.0, 100.0, 100.0, 100.0),
                List.of(100.0, 100.0, 100.0, 400.0));
        assertThat(noisy.ratio()).isEqualTo(1.75);
        assertThat(noisy.regression()).as("one outlier: the bootstrap interval reaches ×1.00").isFalse();
        assertThat(LatencyChange.of("t", List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0)).ratio())
                .as("no ratio against 0").isNaN();
    }

    @Test
    void jsonOutputCarriesVerdictsAndRegressions() throws Exception {
        ComparedFile baseline = run("base", 42, "good");
        ComparedFile candidate = run("cand", 42, "bad", "good");
        Comparison c = Comparison.of(List.of(candidate), Optional.of(baseline));

        Path out = tmp.resolve("out");
        List<Path> written = CompareFormat.writeAll(c, out, Set.of(CompareFormat.JSON, CompareFormat.MARKDOWN));
        assertThat(written).containsExactly(out.resolve("compare.md"), out.resolve("compare.json"));
        JsonNode root = JsonCodec.MAPPER.readTree(out.resolve("compare.json").toFile());

        assertThat(root.path("schema").asText()).isEqualTo(CompareJson.SCHEMA);
        assertThat(root.path("leaderboard").get(0).path("label").asText()).isEqualTo("cand/result.json:tunable:good");
        assertThat(root.path("leaderboard").get(0).path("missing")).isEmpty();
        JsonNode h2h = root.path("head_to_head").get(0);
        assertThat(h2h.path("overall").path("verdict").asText()).isEqualTo("a");
        assertThat(h2h.path("overall").path("winner").asText()).isEqualTo("cand/result.json:tunable:good");
        JsonNode b = root.path("baseline");
        assertThat(b.path("regression_count").asInt()).isPositive();
        assertThat(b.path("comparisons")).hasSize(2);
        assertThat(b.path("comparisons").get(1).path("candidate").asText()).isEqualTo("tunable:bad");
        assertThat(b.path("comparisons").get(1).path("regressions").get(0).path("kind").asText()).isEqualTo("score");
        assertThat(b.path("comparisons").get(0).path("regressions")).as("good against good").isEmpty();
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }
}
