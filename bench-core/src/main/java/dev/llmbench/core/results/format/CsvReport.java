package dev.llmbench.core.results.format;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.results.Interval;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.RequestTiming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CSV files: {@code trials.csv}, one row per trial, and {@code tests.csv}, one row per test ×
 * model. RFC 4180: comma-separated, CRLF line ends, a header row, and a field quoted (quotes
 * doubled) when it holds a comma, quote, CR or LF, so any response text round-trips exactly.
 * Unknown figures are empty fields; numbers use a dot and up to 6 decimals.
 *
 * <p>Cells are data, never formulas: model output is untrusted, so a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (what spreadsheets
 * evaluate) gets a leading apostrophe, as OWASP recommends against CSV injection. Numbers are left
 * alone. Such cells are the one exception to the exact round trip (docs/REPORTS.md). Stateless
 * and thread-safe.
 *
 * @since 0.1
 */
public final class CsvReport {
    /** The columns of {@code trials.csv}, in order. */
    public static final List<String> TRIAL_COLUMNS = List.of("model", "provider", "test", "category", "case", "trial",
            "started_at", "score", "passed", "checks_passed", "checks_total", "failed_checks", "ttfb_ms", "ttft_ms",
            "ttfr_ms", "latency_ms", "tpot_ms", "decode_tps", "e2e_tps", "output_tokens", "input_tokens",
            "usage_source", "cost_usd", "finish_reason", "error_class", "error_message", "http_status", "response",
            "reasoning");

    /** The columns of {@code tests.csv}, in order; {@code k} is the largest k of pass@k for that row. */
    public static final List<String> TEST_COLUMNS = List.of("model", "provider", "test", "category", "trials", "score",
            "score_ci_lo", "score_ci_hi", "score_ci_method", "pass_rate", "pass_rate_ci_lo", "pass_rate_ci_hi",
            "passed", "errors", "pass_at_1", "k", "pass_at_k", "pass_pow_k");

    private CsvReport() {}

    /** {@code trials.csv}: the header and one row per trial, models and tests in result order. */
    public static String trials(RunResult result) {
        StringBuilder out = new StringBuilder();
        row(out, TRIAL_COLUMNS);
        for (ModelResult m : result.models()) {
            for (TestResult t : m.tests()) {
                for (TrialRecord tr : t.trials()) {
                    RequestTiming tm = tr.timing();
                    Optional<ProviderError> e = tr.error();
                    long passedChecks = tr.checks().stream().filter(Check::passed).count();
                    row(out, List.of(m.model(), m.provider(), t.id(), t.category(), tr.caseId(),
                            Integer.toString(tr.trial()), tr.startedAt().toString(), num(tr.score()),
                            Boolean.toString(tr.passed()), Long.toString(passedChecks),
                            Integer.toString(tr.checks().size()), failedChecks(tr.checks()), ms(tm.ttfbNanos()),
                            ms(tm.ttftNanos()), ms(tm.ttfrNanos()), ms(tm.latencyNanos()),
                            num(tm.tpotNanos().isPresent() ? tm.tpotNanos().getAsDouble() / 1e6 : Double.NaN),
                            num(tm.decodeTps().orElse(Double.NaN)), num(tm.e2eTps().orElse(Double.NaN)),
                            Long.toString(tm.outputTokens()), tr.inputTokens() >= 0 ? Long.toString(tr.inputTokens()) : "",
                            tm.usageSource().id(), tr.costUsd() >= 0 ? num(tr.costUsd()) : "", tr.finishReason(),
                            e.map(x -> x.errorClass().id()).orElse(""), e.map(ProviderError::message).orElse(""),
                            e.flatMap(x -> x.httpStatus().isPresent() ? Optional.of(x.httpStatusCode()) : Optional.empty())
                                    .map(String::valueOf).orElse(""),
                            tr.response(), tr.reasoning()));
                }
            }
        }
        return out.toString();
    }

    /** {@code tests.csv}: the header and one row per test × model. */
    public static String tests(RunResult result) {
        StringBuilder out = new StringBuilder();
        row(out, TEST_COLUMNS);
        for (ModelResult m : result.models()) {
            for (TestResult t : m.tests()) {
                int k = t.passAtK().isEmpty() ? 0 : Collections.max(t.passAtK().keySet());
                row(out, List.of(m.model(), m.provider(), t.id(), t.category(), Integer.toString(t.trials().size()),
                        num(t.score()), lo(t.scoreCi95()), hi(t.scoreCi95()), t.scoreCiMethod(), num(t.passRate()),
                        lo(t.passRateCi95()), hi(t.passRateCi95()), Boolean.toString(t.passed()),
                        Integer.toString(t.errors()), t.passAtK().containsKey(1) ? num(t.passAtK().get(1)) : "",
                        k == 0 ? "" : Integer.toString(k), k == 0 ? "" : num(t.passAtK().get(k)),
                        k == 0 ? "" : num(t.passPowK().getOrDefault(k, Double.NaN))));
            }
        }
        return out.toString();
    }

    /**
     * One RFC 4180 field: neutralised when a spreadsheet would evaluate it, then quoted when it
     * holds a comma, quote, CR or LF, with quotes doubled.
     */
    static String field(String raw) {
        String s = neutralise(raw);
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Prefixes an apostrophe to text a spreadsheet would evaluate as a formula; numbers pass. */
    static String neutralise(String s) {
        if (s.isEmpty() || "=+-@\t\r".indexOf(s.charAt(0)) < 0) {
            return s;
        }
        try {
            Double.parseDouble(s);
            return s; // a number such as -0.5
        } catch (NumberFormatException notANumber) {
            return "'" + s;
        }
    }

    private static void row(StringBuilder out, List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        fields.forEach(f -> quoted.add(field(f)));
        out.append(String.join(",", quoted)).append("\r\n");
    }

    /** "name: expected …, got …" for each failed check, separated by "; ". */
    static String failedChecks(List<Check> checks) {
        List<String> parts = new ArrayList<>();
        for (Check c : checks) {
            if (!c.passed()) {
                parts.add(c.name() + ": expected " + c.expected() + ", got " + c.actual());
            }
        }
        return String.join("; ", parts);
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "" : num(nanos / 1e6);
    }

    private static String lo(Optional<Interval> ci) {
        return ci.map(i -> num(i.lo())).orElse("");
    }

    private static String hi(Optional<Interval> ci) {
        return ci.map(i -> num(i.hi())).orElse("");
    }
}
