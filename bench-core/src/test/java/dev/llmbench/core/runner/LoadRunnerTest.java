package dev.llmbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.fixtures.Fixtures;
import dev.llmbench.core.load.ArrivalSchedule;
import dev.llmbench.core.load.LoadRecord;
import dev.llmbench.core.load.LoadReport;
import dev.llmbench.core.load.LoadResult;
import dev.llmbench.core.load.LoadSpec;
import dev.llmbench.core.load.LoadSummary;
import dev.llmbench.core.load.Slo;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.timing.FakeTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load engine on a fake clock: the provider answers synchronously and moves the clock, so
 * every figure below is exact and nothing depends on this machine's speed.
 */
class LoadRunnerTest {
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    private final FakeTicker ticker = new FakeTicker();

    private LoadResult run(ProviderFactory provider, LoadSpec spec) {
        ServiceRegistry registry = ServiceRegistry.builder().noDiscovery().provider(provider)
                .grader(new Fixtures.ContainsGrader()).suite(Fixtures.suite()).build();
        Options options = Options.builder().model(provider.id() + ":m").suite("mini").warmup(1).seed(3)
                .outputDir(dir.resolve("run")).build();
        return LoadRunner.builder(options, spec).registry(registry).ticker(ticker).pacer(Pacer.advancing(ticker))
                .build().run();
    }

    private List<LoadRecord> records() throws Exception {
        List<LoadRecord> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("run").resolve(LoadReport.REQUESTS_FILE))) {
            JsonNode n = JsonCodec.MAPPER.readTree(line);
            out.add(new LoadRecord(n.get("seq").asLong(), n.get("test").asText(), n.get("case").asText(),
                    n.get("intended_ns").asLong(), n.get("sent_ns").asLong(), n.get("done_ns").asLong(),
                    n.get("ttft_ns").asLong(), n.get("latency_ns").asLong(), n.get("tpot_ns").asLong(),
                    n.get("output_tokens").asLong(),
                    n.get("error").isNull() ? Optional.empty() : Optional.of(n.get("error").asText()), ""));
        }
        return out;
    }

    @Test
    void aClosedLoopSendsTheNextRequestWhenThePreviousEnds() throws Exception {
        // each request: 60 ms to the first token + 4 more tokens 10 ms apart = 100 ms
        LoadScriptProvider p = new LoadScriptProvider(ticker, n -> 60, 5);
        LoadSummary s = run(p, LoadSpec.closed(1, Duration.ofSeconds(1))).models().get(0);

        assertThat(s.started()).as("1 s / 100 ms").isEqualTo(10);
        assertThat(p.requests.get()).as("plus one warmup").isEqualTo(11);
        assertThat(s.achievedRate()).isEqualTo(10.0);
        assertThat(s.throughput()).isEqualTo(10.0);
        assertThat(s.offeredRate()).isEqualTo(10.0);
        assertThat(s.sendDelay().max()).isZero();
        assertThat(s.serviceTtft().p50()).isCloseTo(60, within(0.1));
        assertThat(s.ttft().p50()).as("a closed loop has nothing to correct").isEqualTo(s.serviceTtft().p50());
        assertThat(s.itl().count()).isEqualTo(40);
        assertThat(s.outputTokensPerSecond()).isEqualTo(50.0);
        List<LoadRecord> records = records();
        assertThat(records).extracting(LoadRecord::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).sentNanos()).isEqualTo(records.get(i - 1).doneNanos());
        }
    }

    @Test
    void anOpenLoopMeasuresFromTheIntendedTimeWhenTheServerStalls() throws Exception {
        // request 1 (the first measured one) stalls 600 ms; the server serves one request at a time,
        // so every arrival during the stall is sent late and must be charged for its wait
        LoadScriptProvider p = new LoadScriptProvider(ticker, n -> n == 1 ? 600 : 5, 2);
        LoadSpec spec = LoadSpec.open(50, 1, Duration.ofSeconds(1));
        LoadSummary s = run(p, spec).models().get(0);

        ArrivalSchedule schedule = ArrivalSchedule.poisson(50, Duration.ofSeconds(1), 3);
        assertThat(s.scheduled()).isEqualTo(schedule.size());
        assertThat(s.started()).as("every scheduled arrival is sent, none dropped").isEqualTo(schedule.size());
        List<LoadRecord> records = records();
        long stallEnd = records.get(0).doneNanos();
        assertThat(stallEnd).isEqualTo(records.get(0).intendedNanos() + 610 * MS);
        int late = 0;
        for (int i = 0; i < records.size(); i++) {
            LoadRecord r = records.get(i);
            assertThat(r.intendedNanos()).isEqualTo(schedule.offsetNanos(i));
            long expectedSend = i == 0 ? r.intendedNanos() : Math.max(r.intendedNanos(), records.get(i - 1).doneNanos());
            assertThat(r.sentNanos()).isEqualTo(expectedSend);
            assertThat(r.ttftFromIntendedNanos()).isEqualTo(r.ttftNanos() + r.sendDelayNanos());
            if (r.intendedNanos() < stallEnd && i > 0) {
                late++;
                assertThat(r.latencyFromIntendedNanos()).isGreaterThanOrEqualTo(stallEnd - r.intendedNanos());
            }
        }
        assertThat(late).as("arrivals during the stall").isGreaterThan(10);
        assertThat(s.serviceTtft().p50()).as("what an uncorrected harness reports").isCloseTo(5, within(0.01));
        assertThat(s.ttft().p50()).as("what the users waited").isGreaterThan(100);
        assertThat(s.sendDelay().max()).isGreaterThan(500);
    }

    @Test
    void achievedRateFallsBehindTheOfferedRateWhenTheServerCannotKeepUp() throws Exception {
        // 50 ms per request, one at a time: at most 20 requests/s whatever is offered
        LoadScriptProvider p = new LoadScriptProvider(ticker, n -> 40, 2);
        LoadSummary s = run(p, LoadSpec.open(100, 1, Duration.ofSeconds(2))).models().get(0);

        int scheduled = ArrivalSchedule.poisson(100, Duration.ofSeconds(2), 3).size();
        assertThat(s.offeredRate()).isEqualTo(scheduled / 2.0);
        assertThat(s.succeeded()).as("all sent, all recorded").isEqualTo(scheduled);
        assertThat(s.elapsedMs()).as("the backlog drains after the window").isGreaterThanOrEqualTo(scheduled * 50.0);
        assertThat(s.throughput()).isLessThanOrEqualTo(20.0).isLessThan(s.offeredRate() / 4);
        long lastSend = records().stream().mapToLong(LoadRecord::sentNanos).max().orElseThrow();
        assertThat(lastSend).as("queued arrivals are sent long after the window").isGreaterThan(4_000_000_000L);
        assertThat(s.achievedRate()).as("the load actually applied").isEqualTo(scheduled / (lastSend / 1e9))
                .isLessThan(s.offeredRate() / 2);
        assertThat(s.timeline().get(s.timeline().size() - 1).arrivals()).as("no arrivals after the window").isZero();
    }

    @Test
    void goodputCountsOnlyTheRequestsThatMetTheSlo() {
        // alternate fast (100 ms) and slow (900 ms) first tokens; warmup is request 0
        LoadScriptProvider p = new LoadScriptProvider(ticker, n -> n % 2 == 1 ? 100 : 900, 1);
        LoadSummary s = run(p, LoadSpec.closed(1, Duration.ofSeconds(5)).withSlo(Slo.parse("ttft=500ms")))
                .models().get(0);

        assertThat(s.started()).as("1,000 ms per fast+slow pair").isEqualTo(10);
        assertThat(s.good()).isEqualTo(5);
        assertThat(s.goodFraction()).isEqualTo(0.5);
        assertThat(s.goodput()).isEqualTo(1.0);
        assertThat(s.throughput()).isEqualTo(2.0);
    }

    @Test
    void failuresAreRecordedByClassAndTheRunGoesOn() throws Exception {
        LoadScriptProvider p = new LoadScriptProvider(ticker, n -> 10, 1).failEvery(3);
        LoadResult result = run(p, LoadSpec.closed(1, Duration.ofSeconds(10)).withMaxRequests(9));
        LoadSummary s = result.models().get(0);

        assertThat(s.started()).isEqualTo(9);
        assertThat(s.failed()).as("requests 3, 6, 9 of 1..9").isEqualTo(3);
        assertThat(s.errorsByClass()).containsEntry("server_error", 3L);
        assertThat(records()).hasSize(9).filteredOn(r -> !r.ok()).hasSize(3);
        JsonNode json = JsonCodec.MAPPER.readTree(dir.resolve("run").resolve(LoadReport.JSON_FILE).toFile());
        assertThat(json.get("schema").asText()).isEqualTo(LoadResult.SCHEMA);
        assertThat(json.at("/models/0/errors_by_class/server_error").asLong()).isEqualTo(3);
        assertThat(json.at("/load/mode").asText()).isEqualTo("closed");
        assertThat(json.at("/models/0/timeline").size()).isGreaterThan(0);
        assertThat(Files.readString(dir.resolve("run").resolve(LoadReport.MARKDOWN_FILE)))
                .contains("Closed loop: 1 concurrent users", "server_error 3", "timeline");
    }

    @Test
    void anInterruptedLoadRunKeepsEveryFinishedRequestAndWritesAPartialSummary() throws Exception {
        // warmup + 3 measured requests answer; the 4th hangs until the interrupt cancels it
        LoadScriptProvider p = new LoadScriptProvider(ticker, n -> 10, 2).hangFrom(4);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                run(p, LoadSpec.closed(1, Duration.ofSeconds(60)));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (p.requests.get() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(p.requests.get()).as("the hanging request was sent").isEqualTo(5);
        runner.interrupt();
        runner.join(30_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(RunInterruptedException.class);
        assertThat(records()).as("the finished requests, not the cancelled one").hasSize(3)
                .allSatisfy(r -> assertThat(r.ok()).isTrue());
        JsonNode json = JsonCodec.MAPPER.readTree(dir.resolve("run").resolve(LoadReport.JSON_FILE).toFile());
        assertThat(json.at("/models/0/started").asInt()).isEqualTo(3);
        assertThat(json.at("/models/0/succeeded").asInt()).isEqualTo(3);
    }

    @Test
    void aDirectoryThatHoldsARunIsRefusedBeforeAnyRequest() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run").resolve(LoadReport.JSON_FILE), "{}");
        LoadScriptProvider p = new LoadScriptProvider(ticker, n -> 10, 1);
        assertThatThrownBy(() -> run(p, LoadSpec.closed(1, Duration.ofSeconds(1))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("already holds a run");
        assertThat(p.requests.get()).isZero();
    }
}
