package dev.llmbench.core.results.format;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts drawn from plain numbers: no script, no external resource. Each chart is an
 * {@code <svg class="chart chart-KIND">} whose data series are {@code <g class="series">}
 * groups, in the order given, each with a {@code <title>} naming its model. Labels are escaped
 * with {@link Html#esc}; coordinates are numbers formatted here, so no input text reaches an
 * attribute. Stateless and thread-safe.
 */
final class SvgCharts {
    /** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final List<String> PALETTE =
            List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#999933");
    private static final int W = 900;
    private static final int LEGEND_ROW = 18;

    private SvgCharts() {}

    /** A bar with an optional interval: value, lo, hi (NaN when absent). */
    record Bar(double value, double lo, double hi) {}

    /** One model's bars, one per category (test), NaN value when the model lacks that test. */
    record BarSeries(String name, List<Bar> bars) {}

    /** One model's line: points as {x, y} in data units. */
    record LineSeries(String name, List<double[]> points) {}

    /** The colour of series {@code i}. */
    static String color(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    /**
     * Horizontal grouped bars on a fixed axis {@code [0, max]}, one group per category, with the
     * interval drawn as an error bar.
     */
    static String groupedBars(String kind, String title, String axisLabel, List<String> categories,
            List<BarSeries> series, double max) {
        int n = Math.max(1, series.size());
        int barH = 11;
        int groupH = n * barH + 10;
        int top = legendHeight(series.size()) + 10;
        int x0 = 210;
        int x1 = W - 30;
        int h = top + categories.size() * groupH + 40;
        StringBuilder s = open(kind, title, h);
        legend(s, series.stream().map(BarSeries::name).toList());
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double x = x0 + (x1 - x0) * v / max;
            s.append(line(x, top, x, top + categories.size() * groupH, "#ddd"));
            s.append(text(x, top + categories.size() * groupH + 14, "middle", num(v)));
        }
        s.append(text((x0 + x1) / 2.0, h - 8, "middle", axisLabel));
        for (int c = 0; c < categories.size(); c++) {
            s.append(text(x0 - 8, top + c * groupH + groupH / 2.0 + 4, "end", clip(categories.get(c), 32)));
        }
        for (int i = 0; i < series.size(); i++) {
            BarSeries bs = series.get(i);
            s.append("<g class=\"series\" fill=\"").append(color(i)).append("\" stroke=\"").append(color(i))
                    .append("\"><title>").append(Html.esc(bs.name())).append("</title>");
            for (int c = 0; c < categories.size() && c < bs.bars().size(); c++) {
                Bar b = bs.bars().get(c);
                if (!Double.isFinite(b.value())) {
                    continue;
                }
                double y = top + c * groupH + 5 + i * barH;
                double w = (x1 - x0) * clamp(b.value(), 0, max) / max;
                s.append("<rect class=\"bar\" x=\"").append(num(x0)).append("\" y=\"").append(num(y))
                        .append("\" width=\"").append(num(Math.max(w, 0.5))).append("\" height=\"")
                        .append(barH - 2).append("\" stroke=\"none\"/>");
                if (Double.isFinite(b.lo()) && Double.isFinite(b.hi())) {
                    double xl = x0 + (x1 - x0) * clamp(b.lo(), 0, max) / max;
                    double xh = x0 + (x1 - x0) * clamp(b.hi(), 0, max) / max;
                    double ym = y + (barH - 2) / 2.0;
                    s.append("<path class=\"errorbar\" fill=\"none\" stroke=\"#222\" d=\"M").append(num(xl)).append(' ')
                            .append(num(ym)).append("H").append(num(xh)).append("M").append(num(xl)).append(' ')
                            .append(num(ym - 3)).append("V").append(num(ym + 3)).append("M").append(num(xh))
                            .append(' ').append(num(ym - 3)).append("V").append(num(ym + 3)).append("\"/>");
                }
            }
            s.append("</g>");
        }
        return close(s, x0, top, x1, top + categories.size() * groupH);
    }

    /**
     * Lines on a linear y axis from 0. The x axis is given by {@code xTicks} (data x → label) over
     * {@code [xMin, xMax]}; callers transform x first (e.g. to log scale).
     */
    static String lines(String kind, String title, String xLabel, String yLabel, List<LineSeries> series,
            double xMin, double xMax, List<Tick> xTicks) {
        int top = legendHeight(series.size()) + 12;
        int x0 = 70;
        int x1 = W - 30;
        int y1 = top + 260;
        int h = y1 + 48;
        double yMax = niceCeil(series.stream().flatMap(l -> l.points().stream()).mapToDouble(p -> p[1]).max().orElse(1));
        StringBuilder s = open(kind, title, h);
        legend(s, series.stream().map(LineSeries::name).toList());
        for (int t = 0; t <= 5; t++) {
            double v = yMax * t / 5;
            double y = y1 - (y1 - top) * v / yMax;
            s.append(line(x0, y, x1, y, "#ddd")).append(text(x0 - 6, y + 4, "end", num(v)));
        }
        for (Tick tick : xTicks) {
            double x = x0 + (x1 - x0) * (tick.at() - xMin) / (xMax - xMin);
            s.append(line(x, top, x, y1, "#ddd")).append(text(x, y1 + 16, "middle", tick.label()));
        }
        s.append(text((x0 + x1) / 2.0, h - 8, "middle", xLabel));
        s.append("<text x=\"14\" y=\"").append(num((top + y1) / 2.0)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(num((top + y1) / 2.0)).append(")\">").append(Html.esc(yLabel)).append("</text>");
        for (int i = 0; i < series.size(); i++) {
            LineSeries ls = series.get(i);
            s.append("<g class=\"series\" stroke=\"").append(color(i)).append("\" fill=\"").append(color(i))
                    .append("\"><title>").append(Html.esc(ls.name())).append("</title>");
            StringBuilder pts = new StringBuilder();
            for (double[] p : ls.points()) {
                double x = x0 + (x1 - x0) * (clamp(p[0], xMin, xMax) - xMin) / (xMax - xMin);
                double y = y1 - (y1 - top) * clamp(p[1], 0, yMax) / yMax;
                pts.append(num(x)).append(',').append(num(y)).append(' ');
                if (ls.points().size() <= 2) {
                    s.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"3\"/>");
                }
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" points=\"").append(pts.toString().strip())
                    .append("\"/></g>");
        }
        return close(s, x0, top, x1, y1);
    }

    /** An x-axis tick: data position and label. */
    record Tick(double at, String label) {}

    /** The smallest of 1, 2, 2.5, 5 × 10^k not below {@code v}; 1 for non-positive or NaN input. */
    static double niceCeil(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * p >= v * (1 - 1e-12)) {
                return f * p;
            }
        }
        return 10 * p;
    }

    private static StringBuilder open(String kind, String title, int h) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-").append(kind)
                .append("\" role=\"img\" viewBox=\"0 0 ").append(W).append(' ').append(h).append("\" width=\"")
                .append(W).append("\" height=\"").append(h).append("\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<title>").append(Html.esc(title)).append("</title>");
        return s;
    }

    private static String close(StringBuilder s, double x0, double top, double x1, double y1) {
        s.append("<rect x=\"").append(num(x0)).append("\" y=\"").append(num(top)).append("\" width=\"")
                .append(num(x1 - x0)).append("\" height=\"").append(num(y1 - top))
                .append("\" fill=\"none\" stroke=\"#888\"/></svg>");
        return s.toString();
    }

    private static int legendHeight(int n) {
        return 8 + LEGEND_ROW * Math.max(1, n);
    }

    private static void legend(StringBuilder s, List<String> names) {
        s.append("<g class=\"legend\">");
        for (int i = 0; i < names.size(); i++) {
            double y = 8 + LEGEND_ROW * i;
            s.append("<rect x=\"70\" y=\"").append(num(y)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(color(i)).append("\"/>").append(text(88, y + 10, "start", clip(names.get(i), 100)));
        }
        s.append("</g>");
    }

    private static String line(double xa, double ya, double xb, double yb, String stroke) {
        return "<line x1=\"" + num(xa) + "\" y1=\"" + num(ya) + "\" x2=\"" + num(xb) + "\" y2=\"" + num(yb)
                + "\" stroke=\"" + stroke + "\"/>";
    }

    private static String text(double x, double y, String anchor, String label) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + Html.esc(label)
                + "</text>";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** A coordinate or tick value: up to 2 decimals, no trailing zeros. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("\\.?0+$", "");
        return s.equals("-0") ? "0" : s;
    }
}
