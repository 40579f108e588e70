package dev.llmbench.core.runner;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunInfo;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialKey;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.stats.Intervals;
import dev.llmbench.core.stats.PassAtK;
import dev.llmbench.core.stats.SmfScore;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.MetricsRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Turns journaled trials into a {@link RunResult}: per-test scores with confidence intervals,
 * per-model summaries with latency distributions. Everything is recomputed from the trial records,
 * so a resumed run aggregates exactly like an uninterrupted one.
 *
 * <p>Rules: a failed request scores 0 and does not pass (a user got no answer; reliability shows
 * how often that happened). Latency distributions hold successful requests only; the mean latency
 * behind {@code smf_overall} includes failed requests, as the seed harness did. pass@k and pass^k
 * are computed per case and averaged, for k up to the fewest trials of any case. Stateless and
 * thread-safe.
 */
final class ResultAggregator {
    private static final double CONFIDENCE = 0.95;

    private ResultAggregator() {}

    static RunResult aggregate(RunPlan plan, Options options, Journal journal, RunInfo info) {
        Map<TrialKey, TrialRecord> byKey = new LinkedHashMap<>();
        for (TrialRecord t : journal.trials()) {
            byKey.put(t.key(), t);
        }
        List<ModelResult> models = new ArrayList<>();
        for (ModelSpec spec : options.models()) {
            models.add(model(plan, spec, byKey, journal.coldStartMs(spec.toString())));
        }
        return new RunResult(info, models);
    }

    private static ModelResult model(RunPlan plan, ModelSpec spec, Map<TrialKey, TrialRecord> byKey,
            OptionalDouble coldStart) {
        String key = spec.toString();
        MetricsRecorder recorder = new MetricsRecorder();
        List<TestResult> tests = new ArrayList<>();
        List<List<Double>> strata = new ArrayList<>();
        Map<String, Long> errorsByClass = new TreeMap<>();
        long requests = 0;
        long errors = 0;
        long retries = 0;
        double latencySumMs = 0;
        long outputTokens = 0;
        double cost = 0;
        boolean costKnown = true;
        Map<String, List<TrialRecord>> perTest = new LinkedHashMap<>();
        for (TrialKey k : plan.keys(spec)) {
            TrialRecord t = byKey.get(k);
            if (t != null) {
                perTest.computeIfAbsent(k.test(), x -> new ArrayList<>()).add(t);
            }
        }
        for (BenchTest test : plan.tests()) {
            List<TrialRecord> trials = perTest.getOrDefault(test.id(), List.of());
            if (trials.isEmpty()) {
                continue;
            }
            List<Double> scores = new ArrayList<>();
            int passedCount = 0;
            int testErrors = 0;
            for (TrialRecord t : trials) {
                scores.add(t.score());
                passedCount += t.passed() ? 1 : 0;
                requests++;
                retries += t.retries();
                latencySumMs += t.timing().latencyNanos() / 1e6;
                outputTokens += t.timing().outputTokens();
                if (t.costUsd() >= 0) {
                    cost += t.costUsd();
                } else {
                    costKnown = false;
                }
                if (t.error().isPresent()) {
                    testErrors++;
                    errors++;
                    errorsByClass.merge(t.error().get().errorClass().id(), 1L, Long::sum);
                } else {
                    recorder.record(key, t.timing());
                }
            }
            double score = Intervals.mean(scores);
            double passRate = (double) passedCount / trials.size();
            Intervals.ScoreCi ci = Intervals.scoreCi(scores);
            Map<String, int[]> perCase = new LinkedHashMap<>();
            for (TrialRecord t : trials) {
                int[] nc = perCase.computeIfAbsent(t.caseId(), x -> new int[2]);
                nc[0]++;
                nc[1] += t.passed() ? 1 : 0;
            }
            List<int[]> cases = List.copyOf(perCase.values());
            int kMax = cases.stream().mapToInt(x -> x[0]).min().orElse(0);
            Map<Integer, Double> passAtK = new LinkedHashMap<>();
            Map<Integer, Double> passPowK = new LinkedHashMap<>();
            for (int k = 1; k <= kMax; k++) {
                passAtK.put(k, PassAtK.meanPassAtK(cases, k));
                passPowK.put(k, PassAtK.meanPassPowK(cases, k));
            }
            tests.add(new TestResult(test.id(), test.category(), score, ci.interval(), ci.method(), passRate,
                    Intervals.wilson(passedCount, trials.size(), CONFIDENCE), passRate >= 0.5, testErrors, passAtK,
                    passPowK, trials));
            strata.add(scores);
        }
        double quality = tests.stream().mapToDouble(TestResult::score).average().orElse(0);
        Map<String, String> histograms = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            String enc = recorder.encoded(key, m);
            if (!enc.isEmpty()) {
                histograms.put(m.id(), enc);
            }
        }
        double reliability = requests == 0 ? 0 : 1.0 - (double) errors / requests;
        double meanLatency = requests == 0 ? Double.NaN : latencySumMs / requests;
        ModelSummary summary = new ModelSummary(quality, Intervals.stratifiedMean(strata, CONFIDENCE, 0, 1),
                (int) tests.stream().filter(TestResult::passed).count(), tests.size(), requests, errors, errorsByClass,
                reliability, Intervals.wilson(requests - errors, requests, CONFIDENCE), recorder.summary(key, Metric.TTFT),
                recorder.summary(key, Metric.LATENCY), recorder.summary(key, Metric.ITL),
                recorder.summary(key, Metric.DECODE_TPS), outputTokens,
                costKnown && requests > 0 ? OptionalDouble.of(cost) : OptionalDouble.empty(), coldStart, histograms,
                meanLatency, requests == 0 ? Double.NaN : SmfScore.overall(quality, meanLatency, reliability), retries);
        return new ModelResult(key, spec.provider(), summary, tests);
    }

    /** Wall time of the request phases: per session, from its start to its last trial's end. */
    static long wallTimeMs(Journal journal) {
        long total = 0;
        for (Journal.Session s : journal.sessions()) {
            Instant last = s.startedAt();
            for (TrialRecord t : s.trials()) {
                Instant end = t.startedAt().plusNanos(t.timing().latencyNanos());
                if (end.isAfter(last)) {
                    last = end;
                }
            }
            total += java.time.Duration.between(s.startedAt(), last).toMillis();
        }
        return total;
    }
}
