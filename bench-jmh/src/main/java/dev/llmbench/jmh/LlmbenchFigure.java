package dev.llmbench.jmh;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.stats.Intervals;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.MetricsRecorder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The llmbench figures that {@link LlmbenchProfiler} adds to JMH as secondary results, each with
 * its JMH label and unit, computed over a set of trials with the rules and code llmbench's own
 * results use:
 * <ul>
 *   <li>{@link #SCORE}: mean trial score in [0, 1], failed requests scoring 0 ({@code Intervals.mean},
 *       as a test's {@code score});</li>
 *   <li>{@link #PASS_RATE}: share of trials that passed, in [0, 1];</li>
 *   <li>{@link #TTFT_P50}, {@link #TTFT_P99}, {@link #ITL_P50} (milliseconds) and
 *       {@link #DECODE_TPS_P50} (tokens per second): percentiles of the successful requests'
 *       timings recorded into a {@link MetricsRecorder}, exactly as a model summary's
 *       distributions are;</li>
 *   <li>{@link #OUTPUT_TOKENS}: output tokens summed over all trials, failed ones included;</li>
 *   <li>{@link #ERRORS}: failed requests;</li>
 *   <li>{@link #TRIALS}: the trials the figures are computed from.</li>
 * </ul>
 * A figure that cannot be computed (no trial; no successful request with a first token; fewer than
 * two tokens) is NaN. Thread-safe.
 *
 * @since 0.1
 */
public enum LlmbenchFigure {
    /** Mean score, in [0, 1]. */
    SCORE("llmbench.score", "score"),
    /** Pass rate, in [0, 1]. */
    PASS_RATE("llmbench.pass_rate", "ratio"),
    /** Median time to first token, ms. */
    TTFT_P50("llmbench.ttft.p50", "ms"),
    /** 99th percentile of time to first token, ms. */
    TTFT_P99("llmbench.ttft.p99", "ms"),
    /** Median inter-token gap, ms. */
    ITL_P50("llmbench.itl.p50", "ms"),
    /** Median decode throughput, tokens per second. */
    DECODE_TPS_P50("llmbench.decode_tps.p50", "tokens/s"),
    /** Output tokens, summed. */
    OUTPUT_TOKENS("llmbench.output_tokens", "tokens"),
    /** Failed requests. */
    ERRORS("llmbench.errors", "requests"),
    /** Trials measured. */
    TRIALS("llmbench.trials", "requests");

    private static final String KEY = "jmh";

    private final String label;
    private final String unit;

    LlmbenchFigure(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The JMH secondary-result label, e.g. {@code llmbench.ttft.p50}. */
    public String label() {
        return label;
    }

    /** The JMH score unit, e.g. {@code ms}. */
    public String unit() {
        return unit;
    }

    /**
     * Every figure over {@code trials}.
     *
     * @return a value (possibly NaN) for every figure, in declaration order; never null
     */
    public static Map<LlmbenchFigure, Double> compute(Collection<TrialRecord> trials) {
        Checks.notNull(trials, "trials");
        return computeSamples(trials.stream().map(TrialSample::of).toList());
    }

    static Map<LlmbenchFigure, Double> computeSamples(Collection<TrialSample> samples) {
        Map<LlmbenchFigure, Double> out = new EnumMap<>(LlmbenchFigure.class);
        MetricsRecorder recorder = new MetricsRecorder();
        List<Double> scores = new ArrayList<>();
        long passed = 0;
        long errors = 0;
        long tokens = 0;
        for (TrialSample s : samples) {
            scores.add(s.score());
            passed += s.passed() ? 1 : 0;
            tokens += s.outputTokens();
            if (s.failed()) {
                errors++;
            } else {
                recorder.record(KEY, s.timing());
            }
        }
        int n = samples.size();
        Distribution ttft = recorder.summary(KEY, Metric.TTFT);
        out.put(SCORE, n == 0 ? Double.NaN : Intervals.mean(scores));
        out.put(PASS_RATE, n == 0 ? Double.NaN : (double) passed / n);
        out.put(TTFT_P50, ttft.p50());
        out.put(TTFT_P99, ttft.p99());
        out.put(ITL_P50, recorder.summary(KEY, Metric.ITL).p50());
        out.put(DECODE_TPS_P50, recorder.summary(KEY, Metric.DECODE_TPS).p50());
        out.put(OUTPUT_TOKENS, n == 0 ? Double.NaN : (double) tokens);
        out.put(ERRORS, n == 0 ? Double.NaN : (double) errors);
        out.put(TRIALS, (double) n);
        return out;
    }
}
