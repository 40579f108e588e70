package dev.llmbench.core.results;

import dev.llmbench.core.internal.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One model's figures across the whole run. Immutable and thread-safe.
 *
 * @param quality        mean of the test scores, in [0, 1]
 * @param qualityCi95    its 95% confidence interval, when it can be estimated
 * @param testsPassed    tests whose pass rate is at least 0.5
 * @param testsTotal     tests run
 * @param requests       measured requests (warmup excluded)
 * @param errors         requests that failed
 * @param errorsByClass  failed requests per error class id
 * @param reliability    share of requests without error, in [0, 1]
 * @param reliabilityCi95 its Wilson 95% interval
 * @param ttftMs         time to first token of successful requests, milliseconds
 * @param latencyMs      total latency of successful requests, milliseconds
 * @param itlMs          inter-token gaps pooled across successful requests, milliseconds
 * @param decodeTps      decode throughput per successful request, tokens per second
 * @param outputTokens   output tokens over all measured requests
 * @param costUsd        total cost in US dollars, when every request reported one
 * @param coldStartMs    latency of the first warmup request, milliseconds, when there was one
 * @param histograms     encoded HdrHistograms by metric id (base64, compressed; ns or tokens/s)
 * @param meanLatencyMs  mean total time of all measured requests, failed ones included, in ms
 * @param smfOverall     the seed harness's composite ({@code SmfScore}), for comparison only
 * @param retries        retries over all measured requests (0 when retries are off)
 * @since 0.1
 */
public record ModelSummary(
        double quality,
        Optional<Interval> qualityCi95,
        int testsPassed,
        int testsTotal,
        long requests,
        long errors,
        Map<String, Long> errorsByClass,
        double reliability,
        Optional<Interval> reliabilityCi95,
        Distribution ttftMs,
        Distribution latencyMs,
        Distribution itlMs,
        Distribution decodeTps,
        long outputTokens,
        OptionalDouble costUsd,
        OptionalDouble coldStartMs,
        Map<String, String> histograms,
        double meanLatencyMs,
        double smfOverall,
        long retries) {
    /** A summary without retries (the constructor before retries existed). */
    public ModelSummary(double quality, Optional<Interval> qualityCi95, int testsPassed, int testsTotal, long requests,
            long errors, Map<String, Long> errorsByClass, double reliability, Optional<Interval> reliabilityCi95,
            Distribution ttftMs, Distribution latencyMs, Distribution itlMs, Distribution decodeTps,
            long outputTokens, OptionalDouble costUsd, OptionalDouble coldStartMs, Map<String, String> histograms,
            double meanLatencyMs, double smfOverall) {
        this(quality, qualityCi95, testsPassed, testsTotal, requests, errors, errorsByClass, reliability,
                reliabilityCi95, ttftMs, latencyMs, itlMs, decodeTps, outputTokens, costUsd, coldStartMs, histograms,
                meanLatencyMs, smfOverall, 0);
    }

    /** Validates the components and copies the maps. */
    public ModelSummary {
        Checks.notNull(qualityCi95, "qualityCi95");
        errorsByClass = Map.copyOf(Checks.notNull(errorsByClass, "errorsByClass"));
        Checks.notNull(reliabilityCi95, "reliabilityCi95");
        Checks.notNull(ttftMs, "ttftMs");
        Checks.notNull(latencyMs, "latencyMs");
        Checks.notNull(itlMs, "itlMs");
        Checks.notNull(decodeTps, "decodeTps");
        Checks.notNull(costUsd, "costUsd");
        Checks.notNull(coldStartMs, "coldStartMs");
        histograms = Map.copyOf(Checks.notNull(histograms, "histograms"));
    }
}
