package dev.llmbench.core.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.core.results.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsRecorderTest {
    private final MetricsRecorder recorder = new MetricsRecorder();

    /** A timing with the given ttft and latency in ms, and {@code tokens} evenly spaced tokens. */
    private static RequestTiming timing(long ttftMs, long latencyMs, int tokens) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < tokens; i++) {
            gaps.add((latencyMs - ttftMs) * 1_000_000L / (tokens - 1));
        }
        return new RequestTiming(ttftMs * 1_000_000L, ttftMs * 1_000_000L, RequestTiming.ABSENT,
                latencyMs * 1_000_000L, gaps, tokens, UsageSource.PROVIDER);
    }

    @Test
    void percentilesOfOneToHundredMillisecondsAreExactToThreeDigits() {
        for (int ms = 1; ms <= 100; ms++) {
            recorder.record("m", timing(ms, ms + 1000, 2));
        }
        Distribution ttft = recorder.summary("m", Metric.TTFT);
        assertThat(ttft.count()).isEqualTo(100);
        // HdrHistogram with 3 significant digits: each value is exact to within 0.1%.
        assertThat(ttft.p50()).isCloseTo(50.0, within(0.05));
        assertThat(ttft.p90()).isCloseTo(90.0, within(0.09));
        assertThat(ttft.p95()).isCloseTo(95.0, within(0.095));
        assertThat(ttft.p99()).isCloseTo(99.0, within(0.099));
        assertThat(ttft.max()).isCloseTo(100.0, within(0.1));
        assertThat(ttft.mean()).isCloseTo(50.5, within(0.05));
        assertThat(recorder.percentile("m", Metric.TTFT, 50)).isEqualTo(ttft.p50());
    }

    @Test
    void poolsEveryInterTokenGapAcrossRequests() {
        recorder.record("m", timing(100, 190, 10)); // 9 gaps of 10 ms
        recorder.record("m", timing(100, 140, 3)); // 2 gaps of 20 ms
        Distribution itl = recorder.summary("m", Metric.ITL);
        assertThat(itl.count()).isEqualTo(11);
        assertThat(itl.p50()).isCloseTo(10.0, within(0.01));
        assertThat(itl.max()).isCloseTo(20.0, within(0.02));
    }

    @Test
    void recordsRatesInTokensPerSecond() {
        recorder.record("m", timing(100, 1100, 51)); // 51 tokens over 1 s of decode
        assertThat(recorder.summary("m", Metric.DECODE_TPS).p50()).isCloseTo(51.0, within(0.06));
        assertThat(recorder.summary("m", Metric.E2E_TPS).p50()).isCloseTo(51 / 1.1, within(0.05));
    }

    @Test
    void keepsModelsApartAndReportsEmptyDistributions() {
        recorder.record("a", timing(10, 20, 2));
        assertThat(recorder.summary("b", Metric.TTFT)).isEqualTo(Distribution.EMPTY);
        assertThat(recorder.summary("a", Metric.TTFR).isEmpty()).isTrue();
        assertThat(recorder.percentile("b", Metric.LATENCY, 99)).isNaN();
        assertThat(recorder.encoded("b", Metric.LATENCY)).isEmpty();
        assertThat(recorder.encoded("a", Metric.LATENCY)).isNotEmpty();
    }

    @Test
    void rejectsPercentilesOffTheZeroToHundredScale() {
        assertThatThrownBy(() -> recorder.percentile("m", Metric.TTFT, 100.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0-100");
        assertThatThrownBy(() -> recorder.percentile("m", Metric.TTFT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loosesNoValueUnderConcurrentRecordingAndReading() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 5000; i++) {
                    recorder.recordNanos("m", Metric.LATENCY, 1_000_000L);
                    if (i % 1000 == 0) {
                        recorder.summary("m", Metric.LATENCY);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.summary("m", Metric.LATENCY).count()).isEqualTo(20_000);
    }
}
