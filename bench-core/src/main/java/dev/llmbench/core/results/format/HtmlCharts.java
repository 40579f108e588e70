package dev.llmbench.core.results.format;

import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.timing.EncodedHistograms;
import dev.llmbench.core.timing.HistogramBucket;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.PercentilePoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The charts section of the HTML report: score per test per model with 95% error bars; TTFT and
 * latency percentile curves in HdrHistogram's style (x = 1/(1 − p) on a log scale, 0 to the 99.9th
 * percentile); the inter-token latency frequency distribution (log-spaced buckets); decode
 * tokens per second. Distributions are decoded from {@code ModelSummary.histograms()}; a model
 * without a (valid) histogram is left out of that chart and named below it. Stateless and
 * thread-safe.
 */
final class HtmlCharts {
    private static final double MAX_PERCENTILE = 99.9;
    private static final int ITL_BUCKETS = 24;

    private HtmlCharts() {}

    /** The {@code <section id="charts">} element. */
    static String section(RunResult result) {
        StringBuilder s = new StringBuilder("<section id=\"charts\">\n<h2>Charts</h2>\n");
        List<ModelResult> models = result.models();
        figure(s, scores(models), "Mean score per test with its 95% confidence interval (error bar), one bar per model.",
                List.of());
        List<String> missing = new ArrayList<>();
        figure(s, percentileChart("ttft", "Time to first token by percentile", models, Metric.TTFT, missing),
                "Time to first token: the value (ms) below which each share of successful requests fell. The x axis"
                        + " stretches the tail like HdrHistogram's plots: 1/(1 − p) on a log scale.", missing);
        missing = new ArrayList<>();
        figure(s, percentileChart("latency", "Total latency by percentile", models, Metric.LATENCY, missing),
                "Total request latency (ms) by percentile, same axes.", missing);
        missing = new ArrayList<>();
        figure(s, itl(models, missing), "Inter-token latency: share of all gaps between consecutive content tokens in"
                + " each of " + ITL_BUCKETS + " log-spaced buckets shared by all models (ms, log scale).", missing);
        missing = new ArrayList<>();
        figure(s, tokensPerSecond(models, missing), "Decode throughput per request (tokens/s): bar at the median,"
                + " whisker from the 10th to the 90th percentile.", missing);
        return s.append("</section>\n").toString();
    }

    private static void figure(StringBuilder s, String svg, String caption, List<String> missing) {
        s.append("<figure>").append(svg).append("<figcaption>").append(Html.esc(caption));
        if (!missing.isEmpty()) {
            s.append(" No distribution recorded for: ").append(Html.esc(String.join(", ", missing))).append('.');
        }
        s.append("</figcaption></figure>\n");
    }

    private static String scores(List<ModelResult> models) {
        Set<String> ids = new LinkedHashSet<>();
        models.forEach(m -> m.tests().forEach(t -> ids.add(t.id())));
        List<String> tests = List.copyOf(ids);
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        for (ModelResult m : models) {
            List<SvgCharts.Bar> bars = new ArrayList<>();
            for (String id : tests) {
                Optional<TestResult> t = m.tests().stream().filter(x -> x.id().equals(id)).findFirst();
                bars.add(t.map(x -> new SvgCharts.Bar(x.score(), x.scoreCi95().map(c -> c.lo()).orElse(Double.NaN),
                        x.scoreCi95().map(c -> c.hi()).orElse(Double.NaN))).orElse(new SvgCharts.Bar(Double.NaN,
                        Double.NaN, Double.NaN)));
            }
            series.add(new SvgCharts.BarSeries(m.model(), bars));
        }
        return SvgCharts.groupedBars("scores", "Score per test", "score (0–1)", tests, series, 1.0);
    }

    private static String percentileChart(String kind, String title, List<ModelResult> models, Metric metric,
            List<String> missing) {
        List<SvgCharts.LineSeries> series = new ArrayList<>();
        for (ModelResult m : models) {
            String enc = m.summary().histograms().getOrDefault(metric.id(), "");
            try {
                List<PercentilePoint> pts = EncodedHistograms.percentiles(enc, metric, 5);
                if (pts.isEmpty()) {
                    missing.add(m.model());
                    continue;
                }
                List<double[]> xy = new ArrayList<>();
                for (PercentilePoint p : pts) {
                    if (p.percentile() <= MAX_PERCENTILE) {
                        xy.add(new double[] {Math.log10(p.inverseTail()), p.value()});
                    }
                }
                xy.add(new double[] {Math.log10(1 / (1 - MAX_PERCENTILE / 100)),
                    EncodedHistograms.valueAtPercentile(enc, metric, MAX_PERCENTILE)});
                series.add(new SvgCharts.LineSeries(m.model(), xy));
            } catch (IllegalArgumentException e) {
                missing.add(m.model());
            }
        }
        List<SvgCharts.Tick> ticks = List.of(new SvgCharts.Tick(0, "0%"), new SvgCharts.Tick(Math.log10(2), "50%"),
                new SvgCharts.Tick(1, "90%"), new SvgCharts.Tick(2, "99%"), new SvgCharts.Tick(3, "99.9%"));
        return SvgCharts.lines(kind, title, "percentile (log scale of 1/(1 − p))", metric.unit(), series, 0,
                3, ticks);
    }

    private static String itl(List<ModelResult> models, List<String> missing) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        List<ModelResult> drawn = new ArrayList<>();
        for (ModelResult m : models) {
            try {
                List<HistogramBucket> range = EncodedHistograms.logBuckets(
                        m.summary().histograms().getOrDefault(Metric.ITL.id(), ""), Metric.ITL, 1);
                if (range.isEmpty() || range.get(0).to() <= 0) {
                    missing.add(m.model());
                    continue;
                }
                lo = Math.min(lo, range.get(0).from() > 0 ? range.get(0).from() : range.get(0).to());
                hi = Math.max(hi, range.get(0).to());
                drawn.add(m);
            } catch (IllegalArgumentException e) {
                missing.add(m.model());
            }
        }
        if (drawn.isEmpty()) {
            lo = 1;
            hi = 10;
        } else if (hi / lo < 1.5) {
            lo /= 1.5;
            hi *= 1.5;
        }
        List<SvgCharts.LineSeries> series = new ArrayList<>();
        for (ModelResult m : drawn) {
            List<HistogramBucket> buckets = EncodedHistograms.logBuckets(
                    m.summary().histograms().get(Metric.ITL.id()), Metric.ITL, lo, hi, ITL_BUCKETS);
            long total = buckets.stream().mapToLong(HistogramBucket::count).sum();
            List<double[]> xy = new ArrayList<>();
            xy.add(new double[] {Math.log10(buckets.get(0).from()), 0});
            for (HistogramBucket b : buckets) { // a step outline: the top of every bucket
                double share = 100.0 * b.count() / total;
                xy.add(new double[] {Math.log10(b.from()), share});
                xy.add(new double[] {Math.log10(b.to()), share});
            }
            xy.add(new double[] {Math.log10(buckets.get(buckets.size() - 1).to()), 0});
            series.add(new SvgCharts.LineSeries(m.model(), xy));
        }
        double xMin = Math.log10(lo);
        double xMax = Math.log10(hi);
        List<SvgCharts.Tick> ticks = new ArrayList<>();
        for (int e = (int) Math.floor(xMin); e <= (int) Math.ceil(xMax); e++) {
            for (int f : new int[] {1, 2, 3, 5, 7}) {
                double at = e + Math.log10(f);
                boolean shown = f == 1 || (f == 2 || f == 5) && xMax - xMin <= 3 || xMax - xMin <= 1;
                if (at >= xMin && at <= xMax && shown) {
                    ticks.add(new SvgCharts.Tick(at, msLabel(f * Math.pow(10, e))));
                }
            }
        }
        return SvgCharts.lines("itl", "Inter-token latency distribution", "gap between tokens (ms, log scale)",
                "share of gaps (%)", series, xMin, xMax, ticks);
    }

    private static String tokensPerSecond(List<ModelResult> models, List<String> missing) {
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        double max = 0;
        for (ModelResult m : models) {
            String enc = m.summary().histograms().getOrDefault(Metric.DECODE_TPS.id(), "");
            double p50 = m.summary().decodeTps().p50();
            double p10 = Double.NaN;
            double p90 = Double.NaN;
            try {
                if (!enc.isEmpty()) {
                    p10 = EncodedHistograms.valueAtPercentile(enc, Metric.DECODE_TPS, 10);
                    p90 = EncodedHistograms.valueAtPercentile(enc, Metric.DECODE_TPS, 90);
                }
            } catch (IllegalArgumentException e) {
                p10 = Double.NaN;
                p90 = Double.NaN;
            }
            if (!Double.isFinite(p50)) {
                missing.add(m.model());
                continue;
            }
            max = Math.max(max, Double.isFinite(p90) ? Math.max(p90, p50) : p50);
            series.add(new SvgCharts.BarSeries(m.model(), List.of(new SvgCharts.Bar(p50, p10, p90))));
        }
        return SvgCharts.groupedBars("tps", "Decode tokens per second", "tokens/s", List.of("decode tok/s"), series,
                SvgCharts.niceCeil(max));
    }

    private static String msLabel(double v) {
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }
}
