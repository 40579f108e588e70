package dev.llmbench.core.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

class EncodedHistogramsTest {
    private static final Instant START = Instant.parse("2026-01-02T03:04:05.250Z");
    private static final Instant END = START.plusSeconds(90);

    /** 1..100 ms TTFT and decode rates 10..1000 tokens/s, recorded by the real recorder. */
    private static MetricsRecorder recorder() {
        MetricsRecorder r = new MetricsRecorder();
        for (int ms = 1; ms <= 100; ms++) {
            r.recordNanos("m", Metric.TTFT, ms * 1_000_000L);
            r.recordNanos("m", Metric.ITL, (ms % 10 + 1) * 1_000_000L);
        }
        for (int i = 1; i <= 100; i++) {
            long decodeNanos = 1_000_000_000L / (10L * i); // 1 token after the first → 10·i tokens/s
            r.record("rates", new RequestTiming(0, 0, RequestTiming.ABSENT, decodeNanos, List.of(), 2,
                    UsageSource.PROVIDER));
        }
        return r;
    }

    private static EncodableHistogram readBack(String hlog) {
        HistogramLogReader reader = new HistogramLogReader(
                new ByteArrayInputStream(hlog.getBytes(StandardCharsets.US_ASCII)));
        EncodableHistogram h = reader.nextIntervalHistogram();
        assertThat(reader.nextIntervalHistogram()).as("one interval").isNull();
        return h;
    }

    @Test
    void readsCountsAndPercentilesInReportingUnits() {
        String enc = recorder().encoded("m", Metric.TTFT);
        assertThat(EncodedHistograms.totalCount(enc, Metric.TTFT)).isEqualTo(100);
        assertThat(EncodedHistograms.valueAtPercentile(enc, Metric.TTFT, 50)).isCloseTo(50.0, within(0.05));
        assertThat(EncodedHistograms.valueAtPercentile(enc, Metric.TTFT, 100)).isCloseTo(100.0, within(0.1));
        assertThat(EncodedHistograms.valueAtPercentile("", Metric.TTFT, 50)).isNaN();
        assertThat(EncodedHistograms.totalCount("", Metric.TTFT)).isZero();
    }

    @Test
    void percentileCurveRisesToTheMaximumAtTheHundredth() {
        String enc = recorder().encoded("m", Metric.TTFT);
        List<PercentilePoint> pts = EncodedHistograms.percentiles(enc, Metric.TTFT, 5);
        assertThat(pts).isNotEmpty();
        for (int i = 1; i < pts.size(); i++) {
            assertThat(pts.get(i).percentile()).isGreaterThanOrEqualTo(pts.get(i - 1).percentile());
            assertThat(pts.get(i).value()).isGreaterThanOrEqualTo(pts.get(i - 1).value());
        }
        PercentilePoint last = pts.get(pts.size() - 1);
        assertThat(last.percentile()).isEqualTo(100.0);
        assertThat(last.count()).isEqualTo(100);
        assertThat(last.value()).isCloseTo(100.0, within(0.1));
        assertThat(new PercentilePoint(99, 1, 1).inverseTail()).isCloseTo(100, within(1e-9));
        assertThat(EncodedHistograms.percentiles("", Metric.TTFT, 5)).isEmpty();
    }

    @Test
    void bucketsAddUpToTheCountOnALogScale() {
        String enc = recorder().encoded("m", Metric.ITL);
        List<HistogramBucket> b = EncodedHistograms.logBuckets(enc, Metric.ITL, 8);
        assertThat(b).hasSize(8);
        assertThat(b.stream().mapToLong(HistogramBucket::count).sum()).isEqualTo(100);
        assertThat(b.get(0).from()).isCloseTo(1.0, within(0.001));
        assertThat(b.get(7).to()).isCloseTo(10.0, within(0.01));
        assertThat(b.get(1).to() / b.get(1).from()).isCloseTo(b.get(6).to() / b.get(6).from(), within(1e-9));
    }

    @Test
    void bucketsOverAGivenRangeClampOutliersIntoTheEndBuckets() {
        String enc = recorder().encoded("m", Metric.ITL); // 1..10 ms, 10 each
        List<HistogramBucket> b = EncodedHistograms.logBuckets(enc, Metric.ITL, 2, 5, 3);
        assertThat(b).hasSize(3);
        assertThat(b.get(0).from()).isEqualTo(2.0);
        assertThat(b.get(2).to()).isEqualTo(5.0);
        // edges 2, 2.71, 3.68, 5 ms
        assertThat(b.get(0).count()).isEqualTo(20); // 1 ms (below the range) and 2 ms
        assertThat(b.get(1).count()).isEqualTo(10); // 3 ms
        assertThat(b.get(2).count()).isEqualTo(70); // 4 ms, and 5..10 ms clamped into the last bucket
        assertThat(b.stream().mapToLong(HistogramBucket::count).sum()).isEqualTo(100);
        assertThatThrownBy(() -> EncodedHistograms.logBuckets(enc, Metric.ITL, 0, 5, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSingleValueIsOneBucket() {
        MetricsRecorder r = new MetricsRecorder();
        r.recordNanos("k", Metric.ITL, 0);
        r.recordNanos("k", Metric.ITL, 0);
        List<HistogramBucket> b = EncodedHistograms.logBuckets(r.encoded("k", Metric.ITL), Metric.ITL, 10);
        assertThat(b).containsExactly(new HistogramBucket(0, 0, 2));
    }

    @Test
    void intervalLogReadsBackWithTheSameCountsAndTimes() throws Exception {
        MetricsRecorder r = recorder();
        String enc = r.encoded("m", Metric.TTFT);
        String hlog = EncodedHistograms.intervalLog(enc, Metric.TTFT, START, END, List.of("model: sim:a\nb\u001b"));
        assertThat(hlog).startsWith("#[Histogram log format version 1.3]").contains("#model: sim:a?b?")
                .contains("#[StartTime: 1767323045.250");
        Histogram h = (Histogram) readBack(hlog);
        assertThat(h.getTotalCount()).isEqualTo(100);
        assertThat(h.getValueAtPercentile(99)).isEqualTo(Histogram.decodeFromCompressedByteBuffer(
                java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(enc)), 0).getValueAtPercentile(99));
        assertThat(h.getStartTimeStamp()).isEqualTo(START.toEpochMilli());
        assertThat(h.getEndTimeStamp()).isEqualTo(END.toEpochMilli());
        assertThat(h.getTag()).isNull();
    }

    @Test
    void rateIntervalLogHoldsADoubleHistogram() {
        MetricsRecorder r = recorder();
        String enc = r.encoded("rates", Metric.DECODE_TPS);
        DoubleHistogram h = (DoubleHistogram) readBack(
                EncodedHistograms.intervalLog(enc, Metric.DECODE_TPS, START, END, List.of()));
        assertThat(h.getTotalCount()).isEqualTo(100);
        assertThat(h.getValueAtPercentile(50)).isCloseTo(
                EncodedHistograms.valueAtPercentile(enc, Metric.DECODE_TPS, 50), within(1e-9));
    }

    @Test
    void rejectsAnEncodingOfTheWrongKindOrGarbage() {
        MetricsRecorder r = recorder();
        assertThatThrownBy(() -> EncodedHistograms.totalCount("bm90IGEgaGlzdG9ncmFt", Metric.TTFT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttft");
        assertThatThrownBy(() -> EncodedHistograms.totalCount("%%%", Metric.TTFT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncodedHistograms.totalCount(r.encoded("m", Metric.TTFT), Metric.DECODE_TPS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncodedHistograms.intervalLog("", Metric.TTFT, START, END, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncodedHistograms.intervalLog(r.encoded("m", Metric.TTFT), Metric.TTFT, END, START,
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsMetricsById() {
        assertThat(Metric.fromId("decode_tps")).isEqualTo(Metric.DECODE_TPS);
        assertThatThrownBy(() -> Metric.fromId("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
