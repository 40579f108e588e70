package dev.llmbench.core.results.format;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.results.Interval;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunInfo;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.MetricsRecorder;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.UsageSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run whose responses, check details, error messages, test ids and model names are hostile:
 * HTML and script payloads, CDATA terminators, control characters, CSV metacharacters. Built
 * directly from the public result records. {@code main(DIR)} writes every format into DIR (used by
 * scripts/check-html-report.sh).
 */
public final class HostileRun {
    /** Payloads that must render as text. */
    public static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>",
            "</pre></details></section><script>alert(2)</script>",
            "]]><![CDATA[<x>]]>",
            "'single' & \"double\" &amp; &lt;b&gt;",
            "ctl:\u0000\u0001\u0007\u001b[31mred\u001b[0m\u007f\u0085\ufffe end",
            "csv, with \"quotes\",\r\nand a second line\nand a third",
            "<script>document.documentElement.setAttribute('data-pwned','script')</script>",
            "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">");

    /** The hostile test id (also used as a check name). */
    public static final String EVIL_TEST = "evil\"><svg onload=alert(3)>";
    /** The hostile model name. */
    public static final String EVIL_MODEL = "sim:evil?name=<b onmouseover=alert(4)>x</b>";

    private HostileRun() {}

    /** Two models × two tests × two cases × three trials; model B has failed requests. */
    public static RunResult result(boolean simulated) {
        Instant start = Instant.parse("2026-01-02T03:04:05Z");
        List<ModelResult> models = List.of(model("sim:oracle", start, 0, 1.0, false),
                model(EVIL_MODEL, start, 1, 0.35, true));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("models", List.of("sim:oracle", EVIL_MODEL));
        options.put("trials", 3);
        RunInfo info = new RunInfo("hostile-<run>", start, start.plusSeconds(42), "0.1.0-test", options,
                Map.of("java_version", "17"), 42_000, simulated);
        return new RunResult(info, models);
    }

    private static ModelResult model(String name, Instant start, int index, double skill, boolean errors) {
        MetricsRecorder rec = new MetricsRecorder();
        List<TestResult> tests = new ArrayList<>();
        int requests = 0;
        int failed = 0;
        int payload = index * 3;
        for (String test : List.of("reasoning", EVIL_TEST)) {
            List<TrialRecord> trials = new ArrayList<>();
            int passedCount = 0;
            double sum = 0;
            int testErrors = 0;
            for (String c : List.of("c1", "c<2>")) {
                for (int trial = 0; trial < 3; trial++) {
                    requests++;
                    String response = PAYLOADS.get(payload++ % PAYLOADS.size());
                    long ttft = (40 + 10L * index + 3L * trial + (c.length() * 2L)) * 1_000_000L;
                    List<Long> gaps = new ArrayList<>();
                    for (int g = 0; g < 20; g++) {
                        gaps.add((5 + index * 5 + g % 7) * 1_000_000L);
                    }
                    long latency = ttft + gaps.stream().mapToLong(Long::longValue).sum();
                    RequestTiming timing = new RequestTiming(ttft, ttft, RequestTiming.ABSENT, latency, gaps, 21,
                            UsageSource.PROVIDER);
                    boolean error = errors && trial == 2;
                    Optional<ProviderError> err = Optional.empty();
                    double score;
                    boolean passed;
                    List<Check> checks;
                    if (error) {
                        failed++;
                        testErrors++;
                        err = Optional.of(new ProviderError(ErrorClass.SERVER_ERROR,
                                "upstream said <script>alert(5)</script> ]]> \u0000", 502, -1));
                        score = 0;
                        passed = false;
                        checks = List.of();
                    } else {
                        rec.record(name, timing);
                        boolean pass = test.equals("reasoning") ? skill > 0.5 : trial == 0 && skill > 0.5;
                        score = pass ? 1.0 : 0.25;
                        passed = pass;
                        checks = List.of(new Check("answer", pass, 3, "42 <b>", response),
                                new Check(EVIL_TEST, true, 1, "x\u001b]8;;evil\u0007", "</td></tr><script>alert(6)</script>"));
                    }
                    passedCount += passed ? 1 : 0;
                    sum += score;
                    trials.add(new TrialRecord(name, test, c, trial, start.plusSeconds(trial), score, passed, checks,
                            response, trial == 1 ? "thinking <img src=x onerror=alert(7)>" : "",
                            error ? "" : "stop", timing, 12, -1, err,
                            trial == 0 && !error ? List.of(Message.assistant("tool turn <script>alert(8)</script>"))
                                    : List.of()));
                }
            }
            double score = sum / trials.size();
            double rate = (double) passedCount / trials.size();
            tests.add(new TestResult(test, "cat<&>", score,
                    Optional.of(new Interval(Math.max(0, score - 0.2), Math.min(1, score + 0.2))), "bootstrap", rate,
                    Optional.of(new Interval(Math.max(0, rate - 0.3), Math.min(1, rate + 0.3))), rate >= 0.5,
                    testErrors, Map.of(1, rate, 3, Math.min(1, rate * 1.5)), Map.of(1, rate, 3, rate * rate * rate),
                    trials));
        }
        Map<String, String> histograms = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            String enc = rec.encoded(name, m);
            if (!enc.isEmpty()) {
                histograms.put(m.id(), enc);
            }
        }
        double quality = tests.stream().mapToDouble(TestResult::score).average().orElse(0);
        double reliability = 1 - (double) failed / requests;
        Distribution ttft = rec.summary(name, Metric.TTFT);
        ModelSummary summary = new ModelSummary(quality, Optional.of(new Interval(quality - 0.1, quality + 0.1)),
                (int) tests.stream().filter(TestResult::passed).count(), tests.size(), requests, failed,
                failed == 0 ? Map.of() : Map.of("server_error", (long) failed), reliability,
                Optional.of(new Interval(reliability - 0.1, Math.min(1, reliability + 0.05))), ttft,
                rec.summary(name, Metric.LATENCY), rec.summary(name, Metric.ITL), rec.summary(name, Metric.DECODE_TPS),
                21L * requests, OptionalDouble.empty(), OptionalDouble.of(123), histograms, 150, 0.8);
        return new ModelResult(name, "sim", summary, tests);
    }

    /** Writes every format of the hostile run (simulated) into {@code args[0]}. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HostileRun DIR");
            System.exit(2);
        }
        ResultWriters.writeAll(result(true), Path.of(args[0]), EnumSet.allOf(ResultFormatType.class));
        System.out.println(Path.of(args[0]).resolve("report.html"));
    }
}
