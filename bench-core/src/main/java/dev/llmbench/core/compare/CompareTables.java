package dev.llmbench.core.compare;

import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.stats.PairedComparison;
import dev.llmbench.core.stats.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison as tables of display text, shared by the text and Markdown writers (which only
 * escape and lay them out). Cells hold unescaped text; labels come from files and are untrusted.
 * Stateless and thread-safe.
 */
final class CompareTables {
    static final String TIE = "tie (n.s.)";
    static final String NOT_COMPARED = "not compared (no common cases)";

    private CompareTables() {}

    /** A titled table: the first row is the header. */
    record Table(String title, List<String[]> rows, List<String> notes) {}

    static List<Table> all(Comparison c) {
        List<Table> tables = new ArrayList<>();
        tables.add(leaderboard(c));
        seed(c).ifPresent(tables::add);
        for (Comparison.Pair p : c.pairs()) {
            tables.add(headToHead(p));
        }
        for (BaselineComparison b : c.baselines()) {
            tables.add(regression(b));
        }
        return tables;
    }

    static Table leaderboard(Comparison c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "source", "quality", "quality 95% CI", "tests passed", "reliability",
            "reliability 95% CI (Wilson)", "TTFT p50 / p95 ms", "latency p50 / p95 ms", "decode tok/s p50",
            "cost USD", "smf_overall (seed composite)"});
        for (ComparedModel m : c.leaderboard()) {
            ModelSummary s = m.result().summary();
            Provenance p = m.provenance();
            double smf = m.seed().map(sf -> sf.shown().overallScore()).orElse(s.smfOverall());
            rows.add(new String[] {m.label(), p.format().id(), Cells.score(s.quality()),
                s.qualityCi95().map(Cells::ci).orElse(p.absent(Figure.CI)), s.testsPassed() + "/" + s.testsTotal(),
                Cells.pct(s.reliability()) + " (" + s.errors() + " errors)",
                s.reliabilityCi95().map(Cells::pctCi).orElse(p.absent(Figure.CI)),
                percentiles(s.ttftMs().p50(), s.ttftMs().p95(), p), percentiles(s.latencyMs().p50(), s.latencyMs().p95(), p),
                percentile(s.decodeTps().p50(), p, Cells::rate),
                s.costUsd().isPresent() ? Cells.usd(s.costUsd().getAsDouble()) : p.absent(Figure.COST),
                Cells.score(smf)});
        }
        return new Table("Leaderboard (by quality)", rows, List.of(
                "quality: mean of the test scores, a failed request scoring 0, with its 95% confidence interval;"
                        + " tests passed: pass rate >= 0.5 (a seed file: the seed's own pass verdicts).",
                "reliability: share of requests without error, with its Wilson 95% interval; times in ms over"
                        + " successful requests; — means unknown, never estimated.",
                "smf_overall: the seed harness's composite (0.5·accuracy + 0.25·speed step + 0.25·reliability),"
                        + " shown only for comparison with its reports; for a seed file it is the file's overall_score."));
    }

    private static String percentiles(double p50, double p95, Provenance p) {
        return Double.isFinite(p50) ? Cells.ms(p50) + " / " + Cells.ms(p95) : p.absent(Figure.PERCENTILES);
    }

    private static String percentile(double v, Provenance p, java.util.function.DoubleFunction<String> f) {
        return Double.isFinite(v) ? f.apply(v) : p.absent(Figure.PERCENTILES);
    }

    static Optional<Table> seed(Comparison c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "overall_score", "passed", "errors", "avg_score (successes only)",
            "avg TTF ms (all results)", "avg total ms (all results)", "reliability", "reproduced from results[]"});
        for (ComparedModel m : c.leaderboard()) {
            m.seed().ifPresent(sf -> {
                SeedFigures f = sf.shown();
                rows.add(new String[] {m.label(), Cells.score(f.overallScore()), f.passed() + "/" + f.totalTests(),
                    Integer.toString(f.errors()), Cells.score(f.avgScore()), Cells.ms(f.avgTtftMs()),
                    Cells.ms(f.avgTotalTimeMs()), Cells.pct(f.reliability()),
                    sf.differences().isEmpty() ? "yes, exactly" : "NO: " + String.join("; ", sf.differences())});
            });
        }
        if (rows.size() == 1) {
            return Optional.empty();
        }
        return Optional.of(new Table("Seed harness figures (as written in the file)", rows, List.of(
                "The seed's own rules: avg_score over successful tests only; average TTF and total time over all"
                        + " results, errors included; overall_score = 0.5·avg_score + 0.25·step(avg total: <30 s 1.0,"
                        + " <60 s 0.7, else 0.4) + 0.25·reliability. A seed file has one request per test: no CI,"
                        + " no percentiles, no itemised checks.")));
    }

    static Table headToHead(Comparison.Pair pair) {
        HeadToHead h = pair.result();
        Map<String, TestComparison> byTest = new LinkedHashMap<>();
        h.tests().forEach(t -> byTest.put(t.testId(), t));
        Map<String, TestResult> aTests = tests(pair.a());
        Map<String, TestResult> bTests = tests(pair.b());
        List<String> ids = new ArrayList<>(aTests.keySet());
        bTests.keySet().stream().filter(id -> !aTests.containsKey(id)).forEach(ids::add);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"test", "A", "B", "A − B", "95% CI", "pairs", "winner"});
        double sumA = 0;
        double sumB = 0;
        for (String id : ids) {
            TestComparison t = byTest.get(id);
            if (t != null) {
                sumA += t.scoreA() * t.paired().pairs();
                sumB += t.scoreB() * t.paired().pairs();
                rows.add(compared(id, t.scoreA(), t.scoreB(), t.paired(), h));
            } else {
                TestResult a = aTests.get(id);
                TestResult b = bTests.get(id);
                rows.add(new String[] {id, a == null ? "—" : Cells.score(a.score()), b == null ? "—" : Cells.score(b.score()),
                    "—", "—", "0", a == null || b == null ? "— (not in both)" : NOT_COMPARED});
            }
        }
        PairedComparison o = h.overall();
        rows.add(compared("overall", o.pairs() == 0 ? Double.NaN : sumA / o.pairs(),
                o.pairs() == 0 ? Double.NaN : sumB / o.pairs(), o, h));
        return new Table("Head-to-head: A = " + h.modelA() + ", B = " + h.modelB() + " — verdict: " + verdict(o, h),
                rows, List.of("Paired over common items (test, case, trial); a winner is named only when the paired"
                        + " 95% CI of A − B excludes 0, else \"" + TIE + "\". Each row is its own test at 95%: across"
                        + " many rows and pairs, some named winners are expected by chance."));
    }

    private static String[] compared(String id, double a, double b, PairedComparison p, HeadToHead h) {
        String ci = p.ci95().isPresent() ? Cells.diffCi(p.ci95()) : p.pairs() == 0 ? "—"
                : "— (" + p.pairs() + " pair, no CI)";
        return new String[] {id, Cells.score(a), Cells.score(b), p.pairs() == 0 ? "—" : Cells.diff(p.meanDiff()), ci,
            Integer.toString(p.pairs()), verdict(p, h)};
    }

    /** The winner's label, {@value #TIE}, or {@value #NOT_COMPARED} without pairs. */
    static String verdict(PairedComparison p, HeadToHead h) {
        if (p.pairs() == 0) {
            return NOT_COMPARED;
        }
        return p.verdict().label(h.modelA(), h.modelB());
    }

    static Table regression(BaselineComparison b) {
        Map<String, TestComparison> scores = new LinkedHashMap<>();
        b.scores().tests().forEach(t -> scores.put(t.testId(), t));
        Map<String, LatencyChange> latency = new LinkedHashMap<>();
        b.latency().forEach(l -> latency.put(l.test(), l));
        List<String> ids = new ArrayList<>(scores.keySet());
        latency.keySet().stream().filter(id -> !scores.containsKey(id) && !id.equals(Regression.OVERALL))
                .forEach(ids::add);
        ids.add(Regression.OVERALL);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"test", "baseline score", "candidate score", "Δ score [95% CI]", "baseline latency ms",
            "candidate latency ms", "latency ratio [95% CI]", "verdict"});
        for (String id : ids) {
            TestComparison t = scores.get(id);
            PairedComparison p = id.equals(Regression.OVERALL) ? b.scores().overall() : t == null ? null : t.paired();
            LatencyChange l = latency.get(id);
            List<String> kinds = new ArrayList<>();
            b.regressions().stream().filter(r -> r.test().equals(id)).forEach(r -> kinds.add(r.kind().name().toLowerCase(
                    java.util.Locale.ROOT)));
            String verdict = !kinds.isEmpty() ? "REGRESSION (" + String.join(", ", kinds) + ")"
                    : p != null && p.verdict() == Verdict.A ? "better (score)" : "no significant regression";
            rows.add(new String[] {id, t == null ? "" : Cells.score(t.scoreB()), t == null ? "" : Cells.score(t.scoreA()),
                p == null || p.pairs() == 0 ? "—" : (Cells.diff(p.meanDiff()) + " " + Cells.diffCi(p.ci95())).strip(),
                l == null ? "—" : Cells.ms(l.baselineMeanMs()), l == null ? "—" : Cells.ms(l.candidateMeanMs()),
                l == null ? "—" : (Cells.ratio(l.ratio()) + " " + l.ratioCi95().map(i -> "[" + Cells.ratio(i.lo())
                        + ", " + Cells.ratio(i.hi()) + "]").orElse("")).strip(), verdict});
        }
        return new Table("Regressions: " + b.candidate().label() + " against baseline " + b.baseline().label() + " — "
                + (b.regressions().isEmpty() ? "none" : b.regressions().size() + " found"), rows, List.of(
                "Score regression: the paired 95% CI of candidate − baseline lies below 0 (a failed request scores 0)."
                        + " Latency regression: mean latency over pairs where both requests succeeded, seeded paired"
                        + " bootstrap CI of the ratio entirely above ×1.00, ratio >= ×" + LatencyChange.MIN_RATIO
                        + " and at least " + LatencyChange.MIN_DELTA_MS + " ms slower, over at least "
                        + LatencyChange.MIN_PAIRS + " pairs."));
    }

    private static Map<String, TestResult> tests(ComparedModel m) {
        Map<String, TestResult> out = new LinkedHashMap<>();
        m.result().tests().forEach(t -> out.put(t.id(), t));
        return out;
    }
}
