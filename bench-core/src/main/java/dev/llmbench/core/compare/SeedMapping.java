package dev.llmbench.core.compare;

import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunInfo;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.UsageSource;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a seed harness file onto llmbench's result model, honestly: one trial per test (case
 * {@value #CASE}, trial 0), scores, passes and errors as written, TTFT and latency as single
 * values, and nothing the file does not have. Stateless and thread-safe.
 *
 * <p>Rules:
 * <ul>
 *   <li>A test's score is the seed's score; an {@code error} or {@code exception} scores 0 and
 *       does not pass (llmbench's rule: the user got no answer). {@code passed} is the seed's own
 *       verdict (its thresholds, not the standard suite's).</li>
 *   <li>No interval anywhere (one sample per test): score, pass-rate, quality and reliability
 *       intervals are empty, {@code score_ci_method} is {@code none}.</li>
 *   <li>Distributions hold the count and mean of the successful requests; every percentile and
 *       the maximum are NaN (unknown), never computed from one value per test.</li>
 *   <li>{@code smf_overall} and the mean latency follow the seed's rules, so {@code smf_overall}
 *       equals the file's {@code overall_score}.</li>
 *   <li>The seed does not classify errors; the class is inferred from the message (timeouts,
 *       connection failures, HTTP statuses), else {@code server_error} for an {@code error} and
 *       {@code internal} for an {@code exception}. The message is kept verbatim.</li>
 *   <li>Output tokens are the seed's {@code tokens_generated} (Ollama's count, else characters/4),
 *       marked {@code counted}; a success's response is the 500-character preview.</li>
 *   <li>The timestamp has no zone; it is read as UTC.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class SeedMapping {
    /** The case id of every seed trial. */
    public static final String CASE = "seed";
    /** The provider id of seed models. */
    public static final String PROVIDER = "seed";

    private static final Pattern HTTP_STATUS = Pattern.compile("\\b([45]\\d\\d)\\b");

    private SeedMapping() {}

    /** The seed file as a run with one model. */
    public static RunResult toRunResult(SeedFile seed) {
        Instant at = instant(seed.timestamp());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("harness", "seed");
        options.put("environment", seed.environment());
        RunInfo info = new RunInfo(seed.file().getFileName().toString(), at, at, "seed", options,
                Map.of("seed_environment", seed.environment()), Math.round(seed.recomputed().totalRuntimeMs()), false);
        return new RunResult(info, List.of(model(seed, at)));
    }

    private static ModelResult model(SeedFile seed, Instant at) {
        Map<String, List<TrialRecord>> byTest = new LinkedHashMap<>();
        Map<String, Long> errorsByClass = new TreeMap<>();
        for (SeedResult r : seed.results()) {
            List<TrialRecord> trials = byTest.computeIfAbsent(r.testId(), k -> new ArrayList<>());
            TrialRecord t = trial(seed.model(), r, trials.size(), at);
            t.error().ifPresent(e -> errorsByClass.merge(e.errorClass().id(), 1L, Long::sum));
            trials.add(t);
        }
        List<TestResult> tests = new ArrayList<>();
        for (Map.Entry<String, List<TrialRecord>> e : byTest.entrySet()) {
            List<TrialRecord> trials = e.getValue();
            double score = trials.stream().mapToDouble(TrialRecord::score).average().orElse(0);
            double passRate = trials.stream().filter(TrialRecord::passed).count() / (double) trials.size();
            int errors = (int) trials.stream().filter(t -> !t.ok()).count();
            tests.add(new TestResult(e.getKey(), "", score, Optional.empty(), "none", passRate, Optional.empty(),
                    passRate >= 0.5, errors, Map.of(), Map.of(), trials));
        }
        List<SeedResult> ok = seed.results().stream().filter(SeedResult::ok).toList();
        SeedFigures f = seed.recomputed();
        ModelSummary summary = new ModelSummary(tests.stream().mapToDouble(TestResult::score).average().orElse(0),
                Optional.empty(), (int) tests.stream().filter(TestResult::passed).count(), tests.size(),
                seed.results().size(), f.errors(), errorsByClass, f.reliability(), Optional.empty(),
                meanOnly(ok, SeedResult::ttftMs), meanOnly(ok, SeedResult::totalTimeMs), Distribution.EMPTY,
                meanOnly(ok.stream().filter(r -> r.tokensPerSecond() > 0).toList(), SeedResult::tokensPerSecond),
                ok.stream().mapToLong(SeedResult::tokensGenerated).sum(), OptionalDouble.empty(), OptionalDouble.empty(),
                Map.of(), f.avgTotalTimeMs(), f.overallScore());
        return new ModelResult(seed.model(), PROVIDER, summary, tests);
    }

    private static TrialRecord trial(String model, SeedResult r, int index, Instant at) {
        long latency = nanos(r.totalTimeMs());
        if (r.ok()) {
            RequestTiming timing = new RequestTiming(RequestTiming.ABSENT, nanos(r.ttftMs()), RequestTiming.ABSENT,
                    latency, List.of(), r.tokensGenerated(), UsageSource.COUNTED);
            return new TrialRecord(model, r.testId(), CASE, index, at, r.score(), r.passed(), List.of(),
                    r.responsePreview(), "", "", timing, -1, -1, Optional.empty(), List.of());
        }
        RequestTiming timing = new RequestTiming(RequestTiming.ABSENT, RequestTiming.ABSENT, RequestTiming.ABSENT,
                latency, List.of(), 0, UsageSource.COUNTED);
        return new TrialRecord(model, r.testId(), CASE, index, at, 0, false, List.of(), r.responsePreview(), "", "",
                timing, -1, -1, Optional.of(error(r)), List.of());
    }

    /** The inferred class of a failed seed result; the message is kept as written. */
    static ProviderError error(SeedResult r) {
        String m = r.error().toLowerCase(Locale.ROOT);
        Matcher status = HTTP_STATUS.matcher(m);
        int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
        ErrorClass c;
        if (r.timeout() || m.contains("timeout") || m.contains("timed out")) {
            c = ErrorClass.TIMEOUT_TOTAL;
        } else if (m.contains("connection failed") || m.contains("connection refused")) {
            c = ErrorClass.UNREACHABLE;
        } else if (code == 401 || code == 403) {
            c = ErrorClass.AUTHENTICATION;
        } else if (code == 402) {
            c = ErrorClass.PAYMENT_REQUIRED;
        } else if (code == 404) {
            c = ErrorClass.MODEL_NOT_FOUND;
        } else if (code == 429) {
            c = ErrorClass.RATE_LIMITED;
        } else if (code >= 400 && code < 500) {
            c = ErrorClass.INVALID_REQUEST;
        } else if (r.status() == SeedResult.Status.EXCEPTION) {
            c = ErrorClass.INTERNAL;
        } else {
            c = ErrorClass.SERVER_ERROR;
        }
        String message = r.error().isEmpty() ? "seed harness " + r.status().name().toLowerCase(Locale.ROOT)
                : r.error();
        return new ProviderError(c, message, code, -1);
    }

    private static Distribution meanOnly(List<SeedResult> rs, ToDoubleFunction<SeedResult> f) {
        if (rs.isEmpty()) {
            return Distribution.EMPTY;
        }
        double mean = rs.stream().mapToDouble(f).average().orElse(Double.NaN);
        return new Distribution(rs.size(), mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1e6);
    }

    /** The seed's zone-less ISO timestamp as UTC; the epoch when it cannot be parsed. */
    static Instant instant(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(timestamp).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e2) {
                return Instant.EPOCH;
            }
        }
    }
}
