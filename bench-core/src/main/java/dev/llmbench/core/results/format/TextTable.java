package dev.llmbench.core.results.format;

import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The console table: a leaderboard, then per-test scores per model. Model-controlled text (model
 * names come from the user, not the model) never appears here except ids, and control characters
 * are stripped. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TextTable {
    private TextTable() {}

    /** The table as text, lines ending in {@code \n}. */
    public static String write(RunResult result) {
        StringBuilder out = new StringBuilder();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "quality ±95%", "passed", "reliability", "TTFT p50", "TTFT p99",
            "latency p50", "latency p99", "decode tok/s", "requests"});
        for (ModelResult m : result.models()) {
            ModelSummary s = m.summary();
            rows.add(new String[] {clean(m.model()), Fmt.scoreCi(s.quality(), s.qualityCi95()),
                s.testsPassed() + "/" + s.testsTotal(), Fmt.pct(s.reliability()), Fmt.ms(s.ttftMs().p50()),
                Fmt.ms(s.ttftMs().p99()), Fmt.ms(s.latencyMs().p50()), Fmt.ms(s.latencyMs().p99()),
                Fmt.rate(s.decodeTps().p50()), Long.toString(s.requests())});
        }
        table(out, rows);
        out.append("(times in ms; ± is the 95% confidence half-width)\n\n");
        List<String[]> perTest = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("test"));
        result.models().forEach(m -> header.add(clean(m.model())));
        perTest.add(header.toArray(String[]::new));
        if (!result.models().isEmpty()) {
            for (TestResult t : result.models().get(0).tests()) {
                List<String> row = new ArrayList<>(List.of(t.id()));
                for (ModelResult m : result.models()) {
                    row.add(m.tests().stream().filter(x -> x.id().equals(t.id())).findFirst()
                            .map(x -> Fmt.scoreCi(x.score(), x.scoreCi95()) + " (pass " + Fmt.pct(x.passRate()) + ")")
                            .orElse("—"));
                }
                perTest.add(row.toArray(String[]::new));
            }
        }
        table(out, perTest);
        return out.toString();
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = rows.get(r)[i];
                line.append(i == 0 ? pad(cell, width[i]) : padLeft(cell, width[i]));
                if (i < cols - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int len = 0;
                for (int w : width) {
                    len += w + 2;
                }
                out.append("-".repeat(Math.max(0, len - 2))).append('\n');
            }
        }
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }

    /** Removes control characters (including ANSI escapes' ESC) from text shown on a terminal. */
    public static String clean(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
