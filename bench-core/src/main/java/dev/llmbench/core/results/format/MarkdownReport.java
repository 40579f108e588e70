package dev.llmbench.core.results.format;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown report: leaderboard, per-test scores side by side (the seed post's table shape),
 * and per-test detail with every trial's failing checks and response.
 *
 * <p>Model output is untrusted: table cells are escaped (pipes, backticks, angle brackets,
 * emphasis and link characters, line breaks), and responses sit in fenced code blocks whose fence
 * is longer than any backtick run inside, so nothing a model writes can become markup.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class MarkdownReport {
    private static final int RESPONSE_LIMIT = 2000;

    private MarkdownReport() {}

    /** The report as Markdown text. */
    public static String write(RunResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# llmbench results — run ").append(cell(result.run().id())).append("\n\n");
        if (result.run().simulated()) {
            md.append("> **Simulated run:** every model is the offline simulator (`sim`). No real model was"
                    + " measured; these figures only show that the harness works.\n\n");
        }
        md.append("Started ").append(result.run().startedAt()).append(", finished ").append(result.run().finishedAt())
                .append(", llmbench ").append(cell(result.run().version())).append(", options: `")
                .append(String.valueOf(result.run().options()).replace("`", "'")).append("`.\n\n");
        md.append("## Leaderboard\n\n");
        md.append("| model | quality ±95% CI | tests passed | reliability | TTFT p50 / p99 (ms) | latency p50 / p99 (ms)"
                + " | ITL p50 (ms) | decode tok/s p50 | output tokens | cost (USD) | smf_overall (seed composite) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelResult m : result.models()) {
            ModelSummary s = m.summary();
            md.append("| ").append(cell(m.model())).append(" | ").append(Fmt.scoreCi(s.quality(), s.qualityCi95()))
                    .append(" | ").append(s.testsPassed()).append('/').append(s.testsTotal())
                    .append(" | ").append(Fmt.pct(s.reliability()))
                    .append(s.reliabilityCi95().map(ci -> " [" + Fmt.pct(ci.lo()) + ", " + Fmt.pct(ci.hi()) + "]").orElse(""))
                    .append(" (").append(s.errors()).append(" errors)")
                    .append(" | ").append(Fmt.ms(s.ttftMs().p50())).append(" / ").append(Fmt.ms(s.ttftMs().p99()))
                    .append(" | ").append(Fmt.ms(s.latencyMs().p50())).append(" / ").append(Fmt.ms(s.latencyMs().p99()))
                    .append(" | ").append(Fmt.ms(s.itlMs().p50()))
                    .append(" | ").append(Fmt.rate(s.decodeTps().p50()))
                    .append(" | ").append(s.outputTokens())
                    .append(" | ").append(s.costUsd().isPresent()
                            ? String.format(Locale.ROOT, "%.4f", s.costUsd().getAsDouble()) : "—")
                    .append(" | ").append(Fmt.score(s.smfOverall()))
                    .append(" |\n");
        }
        md.append("\nQuality is the mean of the test scores; ± is the half-width of its 95% confidence interval."
                + " A failed request scores 0; reliability is the share of requests without error, with its Wilson"
                + " interval. smf_overall is the seed harness's composite (0.5·quality + 0.25·speed step"
                + " + 0.25·reliability), shown only for comparison with its reports.\n\n");
        perTestTable(md, result.models());
        for (ModelResult m : result.models()) {
            md.append("## ").append(cell(m.model())).append("\n\n");
            if (!m.summary().errorsByClass().isEmpty()) {
                md.append("Errors by class: ").append(cell(m.summary().errorsByClass().toString())).append("\n\n");
            }
            for (TestResult t : m.tests()) {
                md.append("### ").append(cell(t.id())).append(" (").append(cell(t.category())).append(")\n\n");
                md.append("Score ").append(Fmt.scoreCi(t.score(), t.scoreCi95())).append(" (").append(t.scoreCiMethod())
                        .append(" interval), pass rate ").append(Fmt.pct(t.passRate()))
                        .append(t.passRateCi95().map(ci -> " [" + Fmt.pct(ci.lo()) + ", " + Fmt.pct(ci.hi()) + "]").orElse(""))
                        .append(", ").append(t.trials().size()).append(" trials");
                if (!t.passAtK().isEmpty()) {
                    int k = java.util.Collections.max(t.passAtK().keySet());
                    md.append(", pass@").append(k).append(' ').append(Fmt.score(t.passAtK().get(k)))
                            .append(", pass^").append(k).append(' ').append(Fmt.score(t.passPowK().get(k)));
                }
                md.append(".\n\n");
                md.append("| case | trial | score | passed | failed checks | TTFT (ms) | latency (ms) | error |\n");
                md.append("|---|---|---|---|---|---|---|---|\n");
                for (TrialRecord tr : t.trials()) {
                    md.append("| ").append(cell(tr.caseId())).append(" | ").append(tr.trial()).append(" | ")
                            .append(Fmt.score(tr.score())).append(" | ").append(tr.passed() ? "yes" : "no").append(" | ")
                            .append(cell(failedChecks(tr.checks()))).append(" | ")
                            .append(Fmt.ms(tr.timing().ttftNanos() < 0 ? Double.NaN : tr.timing().ttftNanos() / 1e6))
                            .append(" | ").append(Fmt.ms(tr.timing().latencyNanos() / 1e6)).append(" | ")
                            .append(tr.error().map(e -> cell(e.errorClass().id() + ": " + e.message())).orElse(""))
                            .append(" |\n");
                }
                md.append('\n');
                t.trials().stream().filter(tr -> tr.trial() == 0 && tr.ok()).forEach(tr -> {
                    md.append("<details><summary>Response to ").append(cell(tr.caseId()))
                            .append(" (trial 0)</summary>\n\n").append(fenced(tr.response())).append("\n</details>\n\n");
                });
            }
        }
        return md.toString();
    }

    private static void perTestTable(StringBuilder md, List<ModelResult> models) {
        if (models.isEmpty()) {
            return;
        }
        md.append("## Scores per test\n\n| test |");
        models.forEach(m -> md.append(' ').append(cell(m.model())).append(" |"));
        md.append("\n|---|");
        models.forEach(m -> md.append("---|"));
        md.append('\n');
        for (TestResult t : models.get(0).tests()) {
            md.append("| ").append(cell(t.id())).append(" |");
            for (ModelResult m : models) {
                md.append(' ').append(m.tests().stream().filter(x -> x.id().equals(t.id())).findFirst()
                        .map(x -> Fmt.scoreCi(x.score(), x.scoreCi95()) + " (pass " + Fmt.pct(x.passRate()) + ")")
                        .orElse("—")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String failedChecks(List<Check> checks) {
        StringBuilder s = new StringBuilder();
        for (Check c : checks) {
            if (!c.passed()) {
                if (s.length() > 0) {
                    s.append("; ");
                }
                s.append(c.name()).append(": expected ").append(c.expected()).append(", got ").append(c.actual());
            }
        }
        return s.toString();
    }

    /** Escapes untrusted text for a table cell: no markup, no HTML, one line. */
    public static String cell(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.replaceAll("[\\r\\n]+", " ").replaceAll("\\p{Cntrl}", "").toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!', '~' -> out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.length() > 300 ? out.substring(0, 300) + "…" : out.toString();
    }

    /** Puts untrusted text in a fenced block that nothing inside can close. */
    public static String fenced(String text) {
        String body = text.length() > RESPONSE_LIMIT ? text.substring(0, RESPONSE_LIMIT) + "\n… (truncated)" : text;
        int longest = 0;
        int run = 0;
        for (char c : body.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + body.replace("\r", "") + "\n" + fence + "\n";
    }
}
