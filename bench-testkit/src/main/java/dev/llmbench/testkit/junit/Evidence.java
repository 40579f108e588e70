package dev.llmbench.testkit.junit;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The evidence printed after a failed bound: failing checks of failing cases, error classes. Stateless. */
final class Evidence {
    /** Evidence lines start a new line, indented under the failure's first line. */
    static final String INDENT = "\n  ";
    private static final int MAX_CASES = 3;
    private static final int MAX_CHECKS = 3;
    private static final int CLIP = 60;

    private Evidence() {}

    /**
     * {@code failing checks:} then one indented line per failing case (at most three) with how many
     * of its trials failed and the failing checks of the first; empty when every trial passed.
     */
    static String failingChecks(TestResult test) {
        Map<String, List<TrialRecord>> byCase = new LinkedHashMap<>();
        for (TrialRecord t : test.trials()) {
            byCase.computeIfAbsent(t.caseId(), k -> new ArrayList<>()).add(t);
        }
        List<String> lines = new ArrayList<>();
        int failingCases = 0;
        for (Map.Entry<String, List<TrialRecord>> e : byCase.entrySet()) {
            List<TrialRecord> failed = e.getValue().stream().filter(t -> !t.passed()).toList();
            if (failed.isEmpty()) {
                continue;
            }
            failingCases++;
            if (lines.size() < MAX_CASES) {
                lines.add(e.getKey() + " (" + failed.size() + " of " + e.getValue().size() + " trials failed): "
                        + describe(failed.get(0)));
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        if (failingCases > MAX_CASES) {
            lines.add("and " + (failingCases - MAX_CASES) + " more failing cases");
        }
        return "failing checks:" + INDENT + String.join(INDENT, lines);
    }

    private static String describe(TrialRecord t) {
        if (t.error().isPresent()) {
            return "request failed, " + t.error().get().errorClass().id() + " (" + clip(t.error().get().message()) + ")";
        }
        List<Check> checks = t.checks().stream().filter(c -> !c.passed()).toList();
        if (checks.isEmpty()) {
            return "score " + Figure.Unit.RATIO.format(t.score()) + " below the pass threshold";
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < Math.min(MAX_CHECKS, checks.size()); j++) {
            Check c = checks.get(j);
            sb.append(j == 0 ? "" : ", ").append(c.name()).append(" (expected ").append(clip(c.expected()))
                    .append(", got ").append(clip(c.actual())).append(')');
        }
        if (checks.size() > MAX_CHECKS) {
            sb.append(" and ").append(checks.size() - MAX_CHECKS).append(" more");
        }
        return sb.toString();
    }

    /** {@code n = 9 successful requests; errors: rate_limited 2}, the sample behind a distribution. */
    static String sample(ModelSummary s, long count) {
        return "n = " + count + errors(s);
    }

    /** {@code errors 2 of 9: rate_limited 2}, or {@code no errors}. */
    static String errors(ModelSummary s) {
        if (s.errors() == 0) {
            return "; no errors";
        }
        Map<String, Long> byClass = new TreeMap<>(s.errorsByClass());
        StringBuilder sb = new StringBuilder("; errors " + s.errors() + " of " + s.requests() + ":");
        byClass.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
        return sb.toString();
    }

    private static String clip(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.isEmpty() ? "\"\"" : one.length() <= CLIP ? one : one.substring(0, CLIP - 1) + "…";
    }
}
