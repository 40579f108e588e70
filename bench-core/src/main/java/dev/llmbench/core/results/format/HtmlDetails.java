package dev.llmbench.core.results.format;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.timing.RequestTiming;
import java.util.Collections;
import java.util.List;

/**
 * The per-test detail of the HTML report: for each model and test a collapsible
 * {@code <details class="test">} with the trial table, then one {@code <details class="trial">} per
 * trial with its itemised checks, error, response, reasoning and tool conversation. Every string
 * from the result is escaped with {@link Html#esc} and placed as element text; long texts are
 * truncated (the full text is in {@code result.json}). Stateless and thread-safe.
 */
final class HtmlDetails {
    /** Characters of a response or reasoning text shown per trial. */
    static final int TEXT_LIMIT = 20_000;
    private static final int TURN_LIMIT = 5_000;

    private HtmlDetails() {}

    /** The {@code <section id="details">} element. */
    static String section(List<ModelResult> models) {
        StringBuilder s = new StringBuilder("<section id=\"details\">\n<h2>Per-test detail</h2>\n");
        for (ModelResult m : models) {
            s.append("<section class=\"model\">\n<h3>").append(Html.esc(m.model())).append(" <small>(")
                    .append(Html.esc(m.provider())).append(")</small></h3>\n");
            if (!m.summary().errorsByClass().isEmpty()) {
                s.append("<p class=\"errors\">Errors by class: ");
                m.summary().errorsByClass().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> s.append(Html.esc(e.getKey())).append(' ').append(e.getValue()).append("; "));
                s.setLength(s.length() - 2);
                s.append("</p>\n");
            }
            for (TestResult t : m.tests()) {
                test(s, t);
            }
            s.append("</section>\n");
        }
        return s.append("</section>\n").toString();
    }

    private static void test(StringBuilder s, TestResult t) {
        s.append("<details class=\"test\"><summary><span class=\"").append(t.passed() ? "pass" : "fail").append("\">")
                .append(t.passed() ? "passed" : "not passed").append("</span> <strong>").append(Html.esc(t.id()))
                .append("</strong> (").append(Html.esc(t.category())).append(") — score ")
                .append(Html.esc(Fmt.scoreCi(t.score(), t.scoreCi95()))).append(", pass rate ")
                .append(Html.esc(Fmt.pct(t.passRate())));
        t.passRateCi95().ifPresent(ci -> s.append(" [").append(Html.esc(Fmt.pct(ci.lo()))).append(", ")
                .append(Html.esc(Fmt.pct(ci.hi()))).append(']'));
        s.append(", ").append(t.trials().size()).append(" trials");
        if (t.errors() > 0) {
            s.append(", ").append(t.errors()).append(" errors");
        }
        s.append("</summary>\n<div class=\"body\">\n<p>Score interval: ").append(Html.esc(t.scoreCiMethod()));
        if (!t.passAtK().isEmpty()) {
            int k = Collections.max(t.passAtK().keySet());
            s.append("; pass@").append(k).append(' ').append(Html.esc(Fmt.score(t.passAtK().get(k)))).append(", pass^")
                    .append(k).append(' ').append(Html.esc(Fmt.score(t.passPowK().getOrDefault(k, Double.NaN))));
        }
        s.append(".</p>\n<table class=\"trials\"><thead><tr><th>case</th><th>trial</th><th>score</th><th>passed</th>"
                + "<th>failed checks</th><th>TTFT (ms)</th><th>latency (ms)</th><th>output tokens</th>"
                + "<th>error</th></tr></thead><tbody>\n");
        for (TrialRecord tr : t.trials()) {
            RequestTiming tm = tr.timing();
            s.append("<tr><td>").append(Html.esc(tr.caseId())).append("</td><td class=\"num\">").append(tr.trial())
                    .append("</td><td class=\"num\">").append(Html.esc(Fmt.score(tr.score()))).append("</td><td>")
                    .append(tr.passed() ? "yes" : "no").append("</td><td class=\"num\">")
                    .append(tr.checks().stream().filter(c -> !c.passed()).count()).append('/').append(tr.checks().size())
                    .append("</td><td class=\"num\">").append(Html.esc(Fmt.ms(tm.ttftNanos() < 0 ? Double.NaN
                            : tm.ttftNanos() / 1e6))).append("</td><td class=\"num\">")
                    .append(Html.esc(Fmt.ms(tm.latencyNanos() / 1e6))).append("</td><td class=\"num\">")
                    .append(tm.outputTokens()).append("</td><td>")
                    .append(Html.esc(tr.error().map(e -> e.errorClass().id()).orElse(""))).append("</td></tr>\n");
        }
        s.append("</tbody></table>\n");
        for (TrialRecord tr : t.trials()) {
            trial(s, tr);
        }
        s.append("</div></details>\n");
    }

    private static void trial(StringBuilder s, TrialRecord tr) {
        String status = tr.error().isPresent() ? "error" : tr.passed() ? "passed" : "failed";
        s.append("<details class=\"trial\"><summary>case ").append(Html.esc(tr.caseId())).append(" · trial ")
                .append(tr.trial()).append(" · score ").append(Html.esc(Fmt.score(tr.score()))).append(" · <span class=\"")
                .append(tr.passed() ? "pass" : "fail").append("\">").append(status).append("</span></summary>\n")
                .append("<div class=\"body\">\n<p class=\"meta\">started ").append(Html.esc(tr.startedAt().toString()))
                .append(" · finish reason ").append(Html.esc(tr.finishReason().isEmpty() ? "—" : tr.finishReason()))
                .append(" · output tokens ").append(tr.timing().outputTokens()).append(" (")
                .append(Html.esc(tr.timing().usageSource().id())).append(")</p>\n");
        tr.error().ifPresent(e -> s.append("<p class=\"error\">Request failed: <strong>")
                .append(Html.esc(e.errorClass().id())).append("</strong> ").append(Html.esc(e.message()))
                .append(e.httpStatus().isPresent() ? " (HTTP " + e.httpStatusCode() + ")" : "").append("</p>\n"));
        if (!tr.checks().isEmpty()) {
            s.append("<table class=\"checks\"><thead><tr><th>check</th><th>passed</th><th>weight</th><th>expected</th>"
                    + "<th>actual</th></tr></thead><tbody>\n");
            for (Check c : tr.checks()) {
                s.append("<tr class=\"").append(c.passed() ? "check-pass" : "check-fail").append("\"><td>").append(Html.esc(c.name()))
                        .append("</td><td>").append(c.passed() ? "yes" : "no").append("</td><td class=\"num\">")
                        .append(Html.esc(Fmt.score(c.weight()))).append("</td><td class=\"text\">")
                        .append(Html.esc(Html.truncate(c.expected(), TURN_LIMIT))).append("</td><td class=\"text\">")
                        .append(Html.esc(Html.truncate(c.actual(), TURN_LIMIT))).append("</td></tr>\n");
            }
            s.append("</tbody></table>\n");
        }
        s.append("<h5>Response</h5>\n<pre class=\"response\">").append(Html.esc(Html.truncate(tr.response(), TEXT_LIMIT)))
                .append("</pre>\n");
        if (!tr.reasoning().isEmpty()) {
            s.append("<h5>Reasoning</h5>\n<pre class=\"reasoning\">")
                    .append(Html.esc(Html.truncate(tr.reasoning(), TEXT_LIMIT))).append("</pre>\n");
        }
        if (!tr.conversation().isEmpty()) {
            s.append("<h5>Conversation after the request</h5>\n<ol class=\"conversation\">\n");
            for (Message msg : tr.conversation()) {
                s.append("<li><strong>").append(Html.esc(msg.role().wireName())).append("</strong>");
                if (!msg.toolName().isEmpty()) {
                    s.append(" (tool ").append(Html.esc(msg.toolName())).append(')');
                }
                s.append("<pre>").append(Html.esc(Html.truncate(msg.content(), TURN_LIMIT))).append("</pre>");
                for (ToolCall c : msg.toolCalls()) {
                    s.append("<pre class=\"call\">call ").append(Html.esc(c.name())).append(' ')
                            .append(Html.esc(Html.truncate(c.argumentsJson(), TURN_LIMIT))).append("</pre>");
                }
                s.append("</li>\n");
            }
            s.append("</ol>\n");
        }
        s.append("</div></details>\n");
    }
}
