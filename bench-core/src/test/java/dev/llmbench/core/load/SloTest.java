package dev.llmbench.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloTest {
    private static LoadRecord record(long intended, long sent, long ttft, long latency, long tpot, String error) {
        return new LoadRecord(0, "t", "c", intended, sent, sent + latency, ttft, latency, tpot, 10,
                Optional.ofNullable(error), error == null ? "" : "boom");
    }

    @Test
    void parsesEveryKeyInAnyOrderWithTheProjectsDurations() {
        Slo slo = Slo.parse("latency=5s, ttft=500ms,tpot=0.05s");
        assertThat(slo.ttft()).contains(Duration.ofMillis(500));
        assertThat(slo.latency()).contains(Duration.ofSeconds(5));
        assertThat(slo.tpot()).contains(Duration.ofMillis(50));
        assertThat(slo.toString()).isEqualTo("ttft=500ms,latency=5000ms,tpot=50ms");
        assertThat(Slo.parse("TTFT=1s").ttft()).contains(Duration.ofSeconds(1));
    }

    @Test
    void rejectsUnknownKeysRepeatsMissingValuesAndZero() {
        assertThatThrownBy(() -> Slo.parse("ttfb=1s")).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("ttft, latency, tpot");
        assertThatThrownBy(() -> Slo.parse("ttft")).hasMessageContaining("KEY=DURATION");
        assertThatThrownBy(() -> Slo.parse("ttft=1s,ttft=2s")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> Slo.parse("ttft=fast")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Slo.parse("latency=0")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Slo.parse(" ")).hasMessageContaining("--slo is empty");
    }

    @Test
    void judgesTtftAndLatencyFromTheIntendedSendTime() {
        Slo slo = Slo.parse("ttft=500ms,latency=2s");
        long ms = 1_000_000;
        // served in 300 ms TTFT, but it waited 250 ms for a slot: 550 ms as its user saw it
        assertThat(slo.met(record(0, 250 * ms, 300 * ms, 1000 * ms, -1, null))).isFalse();
        assertThat(slo.met(record(0, 150 * ms, 300 * ms, 1000 * ms, -1, null))).isTrue();
        assertThat(slo.met(record(0, 0, 500 * ms, 2000 * ms, -1, null))).as("bounds are inclusive").isTrue();
        assertThat(slo.met(record(0, 0, 100 * ms, 2000 * ms + 1, -1, null))).isFalse();
    }

    @Test
    void failuresAndTokenlessRequestsMissATtftBoundAndTpotNeedsTwoTokens() {
        long ms = 1_000_000;
        assertThat(Slo.NONE.met(record(0, 0, 1, 1, -1, "server_error"))).isFalse();
        assertThat(Slo.NONE.met(record(0, 0, -1, 1, -1, null))).isTrue();
        assertThat(Slo.parse("ttft=1s").met(record(0, 0, -1, ms, -1, null))).isFalse();
        Slo tpot = Slo.parse("tpot=20ms");
        assertThat(tpot.met(record(0, 0, ms, ms, -1, null))).as("no TPOT to judge").isTrue();
        assertThat(tpot.met(record(0, 0, ms, ms, 21 * ms, null))).isFalse();
        assertThat(tpot.met(record(0, 0, ms, ms, 20 * ms, null))).isTrue();
    }
}
