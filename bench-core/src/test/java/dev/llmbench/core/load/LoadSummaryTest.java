package dev.llmbench.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.core.results.Distribution;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadSummaryTest {
    private static final long MS = 1_000_000;

    private static LoadRecord ok(long seq, long intendedMs, long sentMs, long ttftMs, long latencyMs, long tokens) {
        return new LoadRecord(seq, "t", "c", intendedMs * MS, sentMs * MS, (sentMs + latencyMs) * MS, ttftMs * MS,
                latencyMs * MS, -1, tokens, Optional.empty(), "");
    }

    private static LoadRecord failed(long seq, long sentMs, long latencyMs, String cls) {
        return new LoadRecord(seq, "t", "c", sentMs * MS, sentMs * MS, (sentMs + latencyMs) * MS, -1, latencyMs * MS,
                -1, 0, Optional.of(cls), "x");
    }

    @Test
    void ratesGoodputAndErrorsComeFromTheRecords() {
        LoadSpec spec = LoadSpec.open(4, 10, Duration.ofSeconds(2)).withSlo(Slo.parse("ttft=500ms"));
        List<LoadRecord> records = List.of(
                ok(0, 0, 0, 100, 1000, 20),
                ok(1, 200, 600, 100, 1000, 20),      // waited 400 ms: TTFT 500 ms from intended, still good
                ok(2, 300, 900, 100, 3000, 20),      // waited 600 ms: TTFT 700 ms, not good
                failed(3, 1500, 500, "server_error"),
                failed(4, 1600, 400, "timeout_total"));
        LoadSummary s = LoadSummary.of("sim:x", spec, 8, records, Distribution.EMPTY);

        assertThat(s.elapsedMs()).as("the last request ends at 3,900 ms").isEqualTo(3900.0);
        assertThat(s.offeredRate()).as("8 scheduled over a 2 s window").isEqualTo(4.0);
        assertThat(s.throughput()).isCloseTo(5 / 3.9, within(1e-9));
        assertThat(s.achievedRate()).as("all 5 sent inside the 2 s window").isEqualTo(2.5);
        assertThat(s.good()).isEqualTo(2);
        assertThat(s.goodput()).isCloseTo(2 / 3.9, within(1e-9));
        assertThat(s.goodFraction()).isEqualTo(0.4);
        assertThat(s.succeeded()).isEqualTo(3);
        assertThat(s.failed()).isEqualTo(2);
        assertThat(s.errorsByClass()).containsExactly(java.util.Map.entry("server_error", 1L),
                java.util.Map.entry("timeout_total", 1L));
        assertThat(s.outputTokensPerSecond()).isCloseTo(60 / 3.9, within(1e-9));
        assertThat(s.serviceTtft().max()).isCloseTo(100, within(0.1));
        assertThat(s.ttft().max()).as("corrected for the 600 ms wait").isCloseTo(700, within(0.5));
        assertThat(s.sendDelay().max()).isCloseTo(600, within(0.5));
        assertThat(s.sendDelay().count()).as("failures waited too").isEqualTo(5);
    }

    @Test
    void theTimelineCountsArrivalsSendsEndsAndInFlightPerSecond() {
        LoadSpec spec = LoadSpec.open(2, 10, Duration.ofSeconds(2));
        List<LoadRecord> records = List.of(
                ok(0, 0, 0, 10, 2500, 5),        // in flight 0 .. 2.5 s
                ok(1, 500, 500, 10, 100, 5),     // 0.5 .. 0.6 s
                ok(2, 900, 1200, 10, 300, 5),    // arrives in slice 0, sent in slice 1, 1.2 .. 1.5 s
                failed(3, 1200, 1000, "server_error")); // 1.2 .. 2.2 s
        LoadSummary s = LoadSummary.of("m", spec, 4, records, Distribution.EMPTY);

        assertThat(s.maxInFlight()).isEqualTo(3);
        assertThat(s.timeline()).hasSize(3);
        LoadInterval first = s.timeline().get(0);
        assertThat(first).isEqualTo(new LoadInterval(0, 1000, 3, 2, 1, 0, 1, 2, 1));
        assertThat(s.timeline().get(1)).isEqualTo(new LoadInterval(1000, 1000, 1, 2, 1, 0, 1, 3, 2));
        assertThat(s.timeline().get(2)).isEqualTo(new LoadInterval(2000, 1000, 0, 0, 2, 1, 1, 2, 0));
    }

    @Test
    void aClosedLoopOffersWhatItSentAndLongRunsGetWiderSlices() {
        LoadSpec spec = LoadSpec.closed(1, Duration.ofSeconds(1));
        LoadSummary s = LoadSummary.of("m", spec, 999, List.of(ok(0, 0, 0, 1, 10, 1), ok(1, 10, 10, 1, 10, 1)),
                Distribution.EMPTY);
        assertThat(s.scheduled()).isEqualTo(2);
        assertThat(s.offeredRate()).isEqualTo(2.0);
        assertThat(LoadSummary.sliceNanos(600_000_000_000L)).isEqualTo(1_000_000_000L);
        assertThat(LoadSummary.sliceNanos(600_000_000_001L)).isEqualTo(2_000_000_000L);
        assertThat(LoadSummary.sliceNanos(3_600_000_000_000L)).isEqualTo(6_000_000_000L);
    }

    @Test
    void anEmptyPhaseHasNoRatesToDivideByZero() {
        LoadSummary s = LoadSummary.of("m", LoadSpec.closed(1, Duration.ofSeconds(1)), 0, List.of(),
                Distribution.EMPTY);
        assertThat(s.started()).isZero();
        assertThat(s.goodFraction()).isNaN();
        assertThat(s.achievedRate()).isZero();
        assertThat(s.throughput()).isZero();
        assertThat(s.timeline()).hasSize(1);
    }
}
