package dev.llmbench.core.compare;

import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunInfo;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.format.HtmlReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison as HTML: {@code compare.html}, one self-contained page with the same tables as
 * the text output, and {@code compare-models.html}, the run report ({@link HtmlReport}: charts and
 * every trial's response and checks) of all compared models side by side, labelled as in the
 * comparison. No script, no network; every string from a result file is escaped and a
 * Content-Security-Policy ({@link HtmlReport#CSP}) forbids anything from loading or running.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CompareHtml {
    /** The file name of the models page that {@code compare.html} links to. */
    public static final String MODELS_FILE = "compare-models.html";

    private CompareHtml() {}

    /** The comparison page. */
    public static String write(Comparison c) {
        StringBuilder s = new StringBuilder(16 * 1024);
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(HtmlReport.CSP).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>llmbench compare</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:0 1em 3em}")
                .append("table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .5em}")
                .append("th{background:#f3f3f3}td+td{text-align:right;font-variant-numeric:tabular-nums}")
                .append("p.note{color:#444;font-size:.9em}\n</style>\n</head>\n<body>\n<h1>llmbench compare</h1>\n<ul>\n");
        for (ComparedFile f : c.files()) {
            s.append("<li>").append(esc(f.provenance().file() + " (" + f.provenance().format().id() + "): "
                    + String.join(", ", f.result().models().stream().map(ModelResult::model).toList()))).append("</li>\n");
        }
        s.append("</ul>\n<p><a href=\"").append(MODELS_FILE).append("\">Charts and every trial of the compared models</a>"
                + " (written next to this file with --out)</p>\n");
        for (CompareTables.Table t : CompareTables.all(c)) {
            s.append("<section>\n<h2>").append(esc(t.title())).append("</h2>\n<table>\n");
            List<String[]> rows = t.rows();
            for (int r = 0; r < rows.size(); r++) {
                String cell = r == 0 ? "th" : "td";
                s.append("<tr>");
                for (String v : rows.get(r)) {
                    s.append('<').append(cell).append('>').append(esc(v)).append("</").append(cell).append('>');
                }
                s.append("</tr>\n");
            }
            s.append("</table>\n");
            t.notes().forEach(n -> s.append("<p class=\"note\">").append(esc(n)).append("</p>\n"));
            s.append("</section>\n");
        }
        c.unmatched().forEach(u -> s.append("<p>").append(esc("no baseline model for " + u)).append("</p>\n"));
        c.notes().forEach(n -> s.append("<p class=\"note\">").append(esc("note: " + n)).append("</p>\n"));
        return s.append("</body>\n</html>\n").toString();
    }

    /** The run report of every compared model, each renamed to its comparison label. */
    public static String models(Comparison c) {
        List<ModelResult> models = c.leaderboard().stream()
                .map(m -> new ModelResult(m.label(), m.result().provider(), m.result().summary(), m.result().tests()))
                .toList();
        Instant start = c.files().stream().map(f -> f.result().run().startedAt()).min(Instant::compareTo)
                .orElse(Instant.EPOCH);
        Instant end = c.files().stream().map(f -> f.result().run().finishedAt()).max(Instant::compareTo).orElse(start);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("files", c.files().stream().map(f -> f.provenance().file().toString()).toList());
        boolean simulated = !c.files().isEmpty() && c.files().stream().allMatch(f -> f.result().run().simulated());
        return HtmlReport.write(new RunResult(new RunInfo("compare", start, end, "compare", options, Map.of(), 0,
                simulated), models));
    }

    /** Escapes {@code & < > " '} and replaces control characters, for element text. */
    static String esc(String v) {
        StringBuilder out = new StringBuilder(v.length() + 8);
        for (char ch : v.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(ch) ? '\ufffd' : ch);
            }
        }
        return out.toString();
    }
}
