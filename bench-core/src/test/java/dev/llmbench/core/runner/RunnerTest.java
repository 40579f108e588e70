package dev.llmbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.fixtures.Fixtures;
import dev.llmbench.core.fixtures.ScriptedProvider;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.timing.FakeTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    @TempDir
    Path dir;

    private final FakeTicker ticker = new FakeTicker();

    private ServiceRegistry registry(ScriptedProvider provider) {
        return ServiceRegistry.builder().noDiscovery().provider(provider).grader(new Fixtures.ContainsGrader())
                .suite(Fixtures.suite()).build();
    }

    private Options.Builder options() {
        return Options.builder().model("scripted:m").suite("mini").trials(2).warmup(1).outputDir(dir.resolve("run"))
                .formats(List.of(ResultFormatType.JSON, ResultFormatType.MARKDOWN, ResultFormatType.TEXT));
    }

    private RunResult run(ScriptedProvider provider, Options options) {
        return Runner.builder(options).registry(registry(provider)).ticker(ticker).build().run();
    }

    @Test
    void runsEveryTrialGradesItAndDerivesExactTimings() throws Exception {
        ScriptedProvider provider = new ScriptedProvider(ticker);
        RunResult result = run(provider, options().build());

        assertThat(provider.requests).as("1 warmup + 3 cases x 2 trials").hasValue(7);
        ModelResult m = result.models().get(0);
        assertThat(m.tests()).extracting(TestResult::id).containsExactly("alpha", "beta");
        TestResult alpha = m.tests().get(0);
        assertThat(alpha.trials()).hasSize(4);
        assertThat(alpha.score()).isEqualTo(1.0);
        assertThat(alpha.passed()).isTrue();
        TestResult beta = m.tests().get(1);
        assertThat(beta.score()).isZero();
        assertThat(beta.passRate()).isZero();
        assertThat(m.summary().testsPassed()).isEqualTo(1);
        assertThat(m.summary().quality()).isEqualTo(0.5);
        assertThat(m.summary().requests()).as("warmup excluded").isEqualTo(6);
        assertThat(m.summary().ttftMs().p50()).isCloseTo(100.0, within(0.1));
        assertThat(m.summary().coldStartMs().getAsDouble()).isCloseTo(120.0, within(0.001));
        TrialRecord first = alpha.trials().get(0);
        assertThat(first.timing().ttfbNanos()).isEqualTo(30_000_000L);
        assertThat(first.timing().itlNanos().toArray()).containsExactly(10_000_000L, 10_000_000L);
        assertThat(first.response()).isEqualTo("red green blue");
        assertThat(first.checks()).extracting(c -> c.name()).containsExactly("has_red", "has_green");
    }

    @Test
    void sendsEachTrialWithHarnessAttributesAndDistinctSeeds() {
        ScriptedProvider provider = new ScriptedProvider(ticker);
        run(provider, options().warmup(0).build());
        Set<String> seeds = new HashSet<>();
        for (ChatRequest r : provider.seen) {
            assertThat(r.attribute(ChatRequest.ATTR_TEST)).isPresent();
            assertThat(r.attribute(ChatRequest.ATTR_CASE)).isPresent();
            assertThat(r.attribute(ChatRequest.ATTR_REFERENCE)).isPresent();
            seeds.add(r.attribute(ChatRequest.ATTR_SEED).orElseThrow());
        }
        assertThat(seeds).hasSize(6);
    }

    @Test
    void writesTheResultDocumentWithTheFieldsScriptsRelyOn() throws Exception {
        run(new ScriptedProvider(ticker), options().build());
        Path runDir = dir.resolve("run");
        JsonNode doc = JsonCodec.MAPPER.readTree(runDir.resolve("result.json").toFile());
        assertThat(doc.get("schema").asText()).isEqualTo("llmbench.result/v1");
        for (String f : List.of("id", "started_at", "finished_at", "llmbench_version", "options", "environment")) {
            assertThat(doc.get("run").has(f)).as("run.%s", f).isTrue();
        }
        JsonNode model = doc.get("models").get(0);
        assertThat(model.get("model").asText()).isEqualTo("scripted:m");
        assertThat(model.get("provider").asText()).isEqualTo("scripted");
        JsonNode s = model.get("summary");
        for (String f : List.of("quality", "quality_ci95", "tests_passed", "tests_total", "requests", "errors",
                "reliability", "output_tokens", "cost_usd")) {
            assertThat(s.has(f)).as("summary.%s", f).isTrue();
        }
        for (String d : List.of("ttft_ms", "latency_ms", "itl_ms", "decode_tps")) {
            for (String p : List.of("mean", "p50", "p90", "p95", "p99", "max")) {
                assertThat(s.get(d).has(p)).as("summary.%s.%s", d, p).isTrue();
            }
        }
        JsonNode test = model.get("tests").get(0);
        for (String f : List.of("id", "category", "score", "score_ci95", "pass_rate", "passed", "trials")) {
            assertThat(test.has(f)).as("tests[].%s", f).isTrue();
        }
        JsonNode trial = test.get("trials").get(0);
        for (String f : List.of("case", "trial", "score", "passed", "checks", "response", "ttft_ms", "latency_ms",
                "output_tokens", "usage_source", "error")) {
            assertThat(trial.has(f)).as("trials[].%s", f).isTrue();
        }
        JsonNode check = trial.get("checks").get(0);
        for (String f : List.of("name", "passed", "weight", "expected", "actual")) {
            assertThat(check.has(f)).as("checks[].%s", f).isTrue();
        }
        assertThat(trial.get("usage_source").asText()).isEqualTo("provider");
        assertThat(trial.get("ttft_ms").asDouble()).isEqualTo(100.0);
        assertThat(Files.readString(runDir.resolve("report.md"))).contains("## Leaderboard", "alpha", "beta");
        assertThat(Files.readString(runDir.resolve("summary.txt"))).contains("scripted:m");
        assertThat(Files.readAllLines(runDir.resolve(Journal.FILE_NAME)))
                .filteredOn(l -> l.contains("\"type\":\"trial\"")).hasSize(6);
    }

    @Test
    void recordsFailedRequestsAsClassifiedErrorsAndGoesOn() {
        ScriptedProvider provider = new ScriptedProvider(ticker,
                r -> r.attribute(ChatRequest.ATTR_CASE).orElse("").equals("a2"), ErrorClass.SERVER_ERROR);
        RunResult result = run(provider, options().warmup(0).build());
        ModelResult m = result.models().get(0);
        assertThat(m.summary().errors()).isEqualTo(2);
        assertThat(m.summary().errorsByClass()).containsEntry("server_error", 2L);
        assertThat(m.summary().reliability()).isCloseTo(4.0 / 6, within(1e-9));
        TrialRecord failed = m.tests().get(0).trials().stream().filter(t -> t.caseId().equals("a2")).findFirst().orElseThrow();
        assertThat(failed.error().orElseThrow().errorClass()).isEqualTo(ErrorClass.SERVER_ERROR);
        assertThat(failed.error().orElseThrow().httpStatus()).hasValue(503);
        assertThat(failed.score()).isZero();
        assertThat(m.tests().get(0).score()).as("2 of 4 alpha trials failed").isEqualTo(0.5);
        assertThat(m.summary().requests()).isEqualTo(6);
    }

    @Test
    void failOnErrorStopsAfterTheFirstFailureButKeepsWhatFinished() {
        ScriptedProvider provider = new ScriptedProvider(ticker,
                r -> r.attribute(ChatRequest.ATTR_CASE).orElse("").equals("a2"), ErrorClass.RATE_LIMITED);
        Options options = options().warmup(0).failOnError(true).build();
        assertThatThrownBy(() -> run(provider, options)).isInstanceOf(BenchRunException.class)
                .hasMessageContaining("failOnError").hasMessageContaining("rate_limited");
        assertThat(provider.requests.get()).isLessThan(6);
        assertThat(dir.resolve("run").resolve("result.json")).exists();
    }

    @Test
    void resumesAnInterruptedRunWithoutRepeatingOrLosingTrials() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ScriptedProvider first = new ScriptedProvider(ticker).onRequest(() -> {
            if (calls.incrementAndGet() == 4) {
                Thread.currentThread().interrupt(); // as if Ctrl-C arrived after the 4th request was sent
            }
        });
        Options options = options().warmup(1).build();
        assertThatThrownBy(() -> run(first, options)).isInstanceOf(RunInterruptedException.class);
        Thread.interrupted();
        Path runDir = dir.resolve("run");
        List<TrialRecord> before = Journal.open(runDir).trials();
        assertThat(before).hasSizeBetween(2, 3);
        assertThat(runDir.resolve("result.json")).as("partial results written").exists();

        ScriptedProvider second = new ScriptedProvider(ticker);
        RunResult result = Runner.resume(runDir).registry(registry(second)).ticker(ticker).build().run();

        List<TrialRecord> all = result.models().get(0).tests().stream().flatMap(t -> t.trials().stream()).toList();
        assertThat(all).hasSize(6);
        assertThat(all.stream().map(TrialRecord::key).distinct()).hasSize(6);
        assertThat(second.requests.get()).as("1 warmup + only the missing trials").isEqualTo(1 + 6 - before.size());
        for (TrialRecord t : before) {
            assertThat(all).contains(t);
        }
        Journal journal = Journal.open(runDir);
        assertThat(journal.trials()).hasSize(6);
        journal.close();
    }

    @Test
    void resumingAFinishedRunSendsNothing() {
        run(new ScriptedProvider(ticker), options().build());
        ScriptedProvider again = new ScriptedProvider(ticker);
        RunResult result = Runner.resume(dir.resolve("run")).registry(registry(again)).ticker(ticker).build().run();
        assertThat(again.requests).hasValue(0);
        assertThat(result.models().get(0).summary().requests()).isEqualTo(6);
    }

    @Test
    void refusesAnOutputDirectoryThatHoldsARun() {
        run(new ScriptedProvider(ticker), options().build());
        assertThatThrownBy(() -> run(new ScriptedProvider(ticker), options().build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("--resume");
    }

    @Test
    void configurationErrorsSurfaceBeforeAnyRequest() {
        ScriptedProvider provider = new ScriptedProvider(ticker);
        assertThatThrownBy(() -> run(provider, options().suite("nope").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("mini");
        assertThatThrownBy(() -> run(provider, Options.builder().model("other:x").suite("mini")
                .outputDir(dir.resolve("o")).build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("scripted");
        assertThatThrownBy(() -> run(provider, options().include("^zeta").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("alpha");
        assertThat(provider.requests).hasValue(0);
        assertThat(dir.resolve("run")).doesNotExist();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void includeAndExcludeSelectTests() {
        RunResult result = run(new ScriptedProvider(ticker), options().include("a|b").exclude("^b").build());
        assertThat(result.models().get(0).tests()).extracting(TestResult::id).containsExactly("alpha");
    }

    @Test
    void aRunnerIsSingleUse() {
        Runner runner = Runner.builder(options().build()).registry(registry(new ScriptedProvider(ticker))).ticker(ticker).build();
        runner.run();
        assertThatThrownBy(runner::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void passesTheRecordDirectoryOnlyWhenAskedAndTheInFlightMaximumAlways() {
        List<ProviderConfig> configs = new ArrayList<>();
        ScriptedProvider scripted = new ScriptedProvider(ticker);
        ProviderFactory capturing = new ProviderFactory() {
            @Override
            public String id() {
                return scripted.id();
            }

            @Override
            public String description() {
                return "captures its config";
            }

            @Override
            public Provider create(ProviderConfig config) {
                configs.add(config);
                return scripted.create(config);
            }
        };
        ServiceRegistry registry = ServiceRegistry.builder().noDiscovery().provider(capturing)
                .grader(new Fixtures.ContainsGrader()).suite(Fixtures.suite()).build();
        Runner.builder(options().warmup(0).trials(1).recordDir(dir.resolve("rec")).build()).registry(registry)
                .ticker(ticker).build().run();
        Runner.builder(options().warmup(0).trials(1).concurrency(7).outputDir(dir.resolve("run2")).build())
                .registry(registry).ticker(ticker).build().run();

        assertThat(configs).hasSize(2);
        assertThat(configs.get(0).extras()).containsOnly(
                Map.entry(ProviderConfig.EXTRA_RECORD_DIR, dir.resolve("rec").toAbsolutePath().toString()),
                Map.entry(ProviderConfig.EXTRA_MIN_CONNECTIONS, "1"));
        assertThat(configs.get(1).extras()).containsOnly(Map.entry(ProviderConfig.EXTRA_MIN_CONNECTIONS, "7"));
    }
}
