package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.stats.PairedComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A head-to-head of two models over the same cases, in the shape of the seed's post (test, A, B,
 * winner) but with a verdict only where the data supports one.
 *
 * <p>Items are paired by test, case and trial index: trial i of a case for A is paired with trial
 * i of the same case for B, and only items both models have are compared. Per test, the verdict
 * comes from the paired 95% interval of the score differences; overall, from the paired interval
 * over every common item of every common test. A winner is named only when the interval excludes
 * zero, else the verdict is "tie (n.s.)". Immutable and thread-safe.
 *
 * @param modelA  model A's label
 * @param modelB  model B's label
 * @param tests   per-test comparisons, in A's test order, common tests only
 * @param overall the paired comparison over all common items
 * @since 0.1
 */
public record HeadToHead(String modelA, String modelB, List<TestComparison> tests, PairedComparison overall) {
    /** Validates the components and copies the list. */
    public HeadToHead {
        Checks.notBlank(modelA, "modelA");
        Checks.notBlank(modelB, "modelB");
        tests = List.copyOf(Checks.notNull(tests, "tests"));
        Checks.notNull(overall, "overall");
    }

    /** The head-to-head of {@code a} against {@code b}, labelled with their model specs. */
    public static HeadToHead of(ModelResult a, ModelResult b) {
        return of(a.model(), a, b.model(), b);
    }

    /** The head-to-head of {@code a} against {@code b} with explicit labels. */
    public static HeadToHead of(String labelA, ModelResult a, String labelB, ModelResult b) {
        Map<String, TestResult> bTests = new LinkedHashMap<>();
        b.tests().forEach(t -> bTests.put(t.id(), t));
        List<TestComparison> tests = new ArrayList<>();
        List<Double> allA = new ArrayList<>();
        List<Double> allB = new ArrayList<>();
        for (TestResult ta : a.tests()) {
            TestResult tb = bTests.get(ta.id());
            if (tb == null) {
                continue;
            }
            Map<String, Double> bScores = new LinkedHashMap<>();
            tb.trials().forEach(t -> bScores.put(key(t), t.score()));
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (TrialRecord t : ta.trials()) {
                Double other = bScores.get(key(t));
                if (other != null) {
                    xs.add(t.score());
                    ys.add(other);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            tests.add(new TestComparison(ta.id(), mean(xs), mean(ys), PairedComparison.of(xs, ys, -1, 1)));
            allA.addAll(xs);
            allB.addAll(ys);
        }
        return new HeadToHead(labelA, labelB, tests, PairedComparison.of(allA, allB, -1, 1));
    }

    private static String key(TrialRecord t) {
        return t.caseId() + "#" + t.trial();
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
