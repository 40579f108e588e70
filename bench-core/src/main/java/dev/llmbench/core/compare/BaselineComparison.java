package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.stats.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A candidate model against its baseline: the paired score comparison, the latency changes, and
 * the regressions they show. Immutable and thread-safe.
 *
 * <p>A <b>score regression</b> is a test (or the overall comparison) whose paired 95% interval of
 * candidate − baseline lies entirely below 0, over the items both have (test, case, trial
 * index); a failed request scores 0, so a candidate that fails more often regresses in score. A
 * <b>latency regression</b> is defined by {@link LatencyChange}.
 *
 * @param baseline    the baseline model; never null
 * @param candidate   the candidate model; never null
 * @param scores      the head-to-head with the candidate as A and the baseline as B
 * @param latency     latency changes per common test, then {@link Regression#OVERALL}
 * @param regressions the regressions, scores first; empty when none
 * @since 0.1
 */
public record BaselineComparison(
        ComparedModel baseline,
        ComparedModel candidate,
        HeadToHead scores,
        List<LatencyChange> latency,
        List<Regression> regressions) {

    /** Validates the components and copies the lists. */
    public BaselineComparison {
        Checks.notNull(baseline, "baseline");
        Checks.notNull(candidate, "candidate");
        Checks.notNull(scores, "scores");
        latency = List.copyOf(Checks.notNull(latency, "latency"));
        regressions = List.copyOf(Checks.notNull(regressions, "regressions"));
    }

    /** Compares {@code candidate} with {@code baseline}. */
    public static BaselineComparison of(ComparedModel baseline, ComparedModel candidate) {
        HeadToHead scores = HeadToHead.of(candidate.label(), candidate.result(), baseline.label(), baseline.result());
        List<Regression> regressions = new ArrayList<>();
        for (TestComparison t : scores.tests()) {
            if (t.paired().verdict() == Verdict.B) {
                regressions.add(new Regression(Regression.Kind.SCORE, t.testId(), scoreDetail(t.scoreB(), t.scoreA(),
                        t.paired())));
            }
        }
        if (scores.overall().verdict() == Verdict.B) {
            regressions.add(new Regression(Regression.Kind.SCORE, Regression.OVERALL,
                    scoreDetail(Double.NaN, Double.NaN, scores.overall())));
        }
        List<LatencyChange> latency = latency(baseline.result(), candidate.result());
        for (LatencyChange c : latency) {
            if (c.regression()) {
                regressions.add(new Regression(Regression.Kind.LATENCY, c.test(), "mean latency "
                        + Cells.ms(c.baselineMeanMs()) + " → " + Cells.ms(c.candidateMeanMs()) + " ms, "
                        + Cells.ratio(c.ratio()) + " " + c.ratioCi95().map(i -> "[" + Cells.ratio(i.lo()) + ", "
                        + Cells.ratio(i.hi()) + "]").orElse("") + " over " + c.pairs() + " pairs"));
            }
        }
        return new BaselineComparison(baseline, candidate, scores, latency, regressions);
    }

    private static String scoreDetail(double base, double cand, dev.llmbench.core.stats.PairedComparison p) {
        String scores = Double.isNaN(base) ? "" : "score " + Cells.score(base) + " → " + Cells.score(cand) + ", ";
        return scores + "difference " + Cells.diff(p.meanDiff()) + " " + Cells.diffCi(p.ci95()) + " over " + p.pairs()
                + " pairs";
    }

    /** Latency changes per common test and overall, over pairs where both requests succeeded. */
    private static List<LatencyChange> latency(ModelResult baseline, ModelResult candidate) {
        Map<String, TestResult> base = new LinkedHashMap<>();
        baseline.tests().forEach(t -> base.put(t.id(), t));
        List<LatencyChange> out = new ArrayList<>();
        List<Double> allBase = new ArrayList<>();
        List<Double> allCand = new ArrayList<>();
        for (TestResult tc : candidate.tests()) {
            TestResult tb = base.get(tc.id());
            if (tb == null) {
                continue;
            }
            Map<String, TrialRecord> byKey = new LinkedHashMap<>();
            tb.trials().forEach(t -> byKey.put(t.caseId() + "#" + t.trial(), t));
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (TrialRecord c : tc.trials()) {
                TrialRecord b = byKey.get(c.caseId() + "#" + c.trial());
                if (b != null && b.ok() && c.ok()) {
                    xs.add(b.timing().latencyNanos() / 1e6);
                    ys.add(c.timing().latencyNanos() / 1e6);
                }
            }
            if (!xs.isEmpty()) {
                out.add(LatencyChange.of(tc.id(), xs, ys));
                allBase.addAll(xs);
                allCand.addAll(ys);
            }
        }
        out.add(LatencyChange.of(Regression.OVERALL, allBase, allCand));
        return out;
    }
}
