package dev.llmbench.core.compare;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The comparison as console text (the default output of {@code compare}) or Markdown. Labels come
 * from result files and are untrusted: in text, control characters (ANSI escapes included) are
 * replaced; in Markdown, every cell is escaped so nothing becomes markup or HTML. Stateless and
 * thread-safe.
 *
 * @since 0.1
 */
public final class CompareText {
    private CompareText() {}

    /** Aligned plain-text tables, lines ending in {@code \n}. */
    public static String text(Comparison c) {
        StringBuilder out = new StringBuilder();
        sources(out, c, Cells::plain, "");
        for (CompareTables.Table t : CompareTables.all(c)) {
            out.append('\n').append(Cells.plain(t.title())).append('\n');
            aligned(out, t.rows());
            t.notes().forEach(n -> out.append("  ").append(n).append('\n'));
        }
        trailer(out, c, Cells::plain, "");
        return out.toString();
    }

    /** Markdown: a heading per table. */
    public static String markdown(Comparison c) {
        StringBuilder md = new StringBuilder("# llmbench compare\n\n");
        sources(md, c, Cells::md, "- ");
        for (CompareTables.Table t : CompareTables.all(c)) {
            md.append("\n## ").append(Cells.md(t.title())).append("\n\n");
            List<String[]> rows = t.rows();
            for (int r = 0; r < rows.size(); r++) {
                md.append('|');
                for (String cell : rows.get(r)) {
                    md.append(' ').append(Cells.md(cell)).append(" |");
                }
                md.append('\n');
                if (r == 0) {
                    md.append('|').append("---|".repeat(rows.get(0).length)).append('\n');
                }
            }
            md.append('\n');
            t.notes().forEach(n -> md.append(Cells.md(n)).append("\n\n"));
        }
        trailer(md, c, Cells::md, "- ");
        return md.toString();
    }

    private static void sources(StringBuilder out, Comparison c, UnaryOperator<String> esc, String bullet) {
        out.append(esc.apply("Compared: " + c.leaderboard().size() + " models from " + c.files().size() + " files"
                + c.baseline().map(b -> ", baseline " + b.provenance().file()).orElse(""))).append("\n\n");
        for (ComparedFile f : c.files()) {
            Provenance p = f.provenance();
            String missing = p.missing().isEmpty() ? ""
                    : " — lacks " + String.join(", ", p.missing().stream().sorted().map(Figure::noun).toList());
            out.append(bullet).append(esc.apply(p.file() + " (" + p.format().id() + "): "
                    + String.join(", ", f.result().models().stream().map(m -> m.model()).toList()) + missing))
                    .append('\n');
        }
    }

    private static void trailer(StringBuilder out, Comparison c, UnaryOperator<String> esc, String bullet) {
        if (c.baseline().isPresent()) {
            out.append('\n').append(esc.apply(c.regressions().isEmpty() ? "No significant regression against the baseline."
                    : c.regressions().size() + " regression(s) against the baseline.")).append('\n');
        }
        if (!c.unmatched().isEmpty() || !c.notes().isEmpty()) {
            out.append('\n');
        }
        for (String u : c.unmatched()) {
            out.append(bullet).append(esc.apply("no baseline model for " + u + ": not checked for regressions"))
                    .append('\n');
        }
        for (String n : c.notes()) {
            out.append(bullet).append(esc.apply("note: " + n)).append('\n');
        }
    }

    private static void aligned(StringBuilder out, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], Cells.plain(r[i]).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = Cells.plain(rows.get(r)[i]);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(i == 0 ? cell + pad : pad + cell);
                if (i < cols - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int len = -2;
                for (int w : width) {
                    len += w + 2;
                }
                out.append("-".repeat(Math.max(0, len))).append('\n');
            }
        }
    }
}
