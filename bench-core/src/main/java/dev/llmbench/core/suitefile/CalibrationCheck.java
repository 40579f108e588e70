package dev.llmbench.core.suitefile;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.suitefile.Node.ListNode;
import java.util.List;
import java.util.function.Function;

/**
 * Grades a case's calibration responses when the file is loaded: each {@code passing} response
 * must pass the case's graders and each {@code failing} one must fail them, as the built-in suite's
 * calibration test demands. A grader that cannot tell them apart would give meaningless scores, so
 * a mismatch is a configuration error naming the response's line. Single-use.
 */
final class CalibrationCheck {
    private static final int MAX_CHECKS_SHOWN = 3;

    private final String file;
    private final BenchTest test;
    private final TestCase testCase;
    private final Fields caseFields;
    private final Function<GraderConfig, Grader> graders;

    CalibrationCheck(String file, BenchTest test, TestCase testCase, Fields caseFields,
            Function<GraderConfig, Grader> graders) {
        this.file = file;
        this.test = test;
        this.testCase = testCase;
        this.caseFields = caseFields;
        this.graders = graders;
    }

    /** Throws {@link SuiteFileException} for the first calibration response graded the wrong way. */
    void verify() {
        List<String> passing = testCase.calibration().passing();
        List<String> failing = testCase.calibration().failing();
        for (int i = 0; i < passing.size(); i++) {
            Grade g = grade(passing.get(i));
            if (!g.passed()) {
                throw error("passing", i, "this response must pass but scores " + fmt(g.score())
                        + " (pass threshold " + fmt(test.passThreshold()) + "); failing checks: " + failed(g));
            }
        }
        for (int i = 0; i < failing.size(); i++) {
            Grade g = grade(failing.get(i));
            if (g.passed()) {
                throw error("failing", i, "this response must fail but scores " + fmt(g.score())
                        + " (pass threshold " + fmt(test.passThreshold()) + "): the graders cannot tell it from a"
                        + " good answer");
            }
        }
    }

    private Grade grade(String response) {
        return CaseGrading.gradeText(test, testCase, response, graders);
    }

    private SuiteFileException error(String list, int index, String problem) {
        Fields cal = Fields.of(file, caseFields.require("calibration"), caseFields.path("calibration"));
        int line = cal.optional(list).map(n -> n instanceof ListNode l ? l.items().get(index).line() : n.line())
                .orElse(cal.line());
        return new SuiteFileException(file, line, cal.path(list) + "[" + index + "]", problem, null);
    }

    private static String failed(Grade g) {
        List<Check> failedChecks = g.checks().stream().filter(c -> !c.passed()).toList();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_CHECKS_SHOWN, failedChecks.size()); i++) {
            Check c = failedChecks.get(i);
            sb.append(i == 0 ? "" : "; ").append(c.name()).append(" (expected ").append(clip(c.expected()))
                    .append(", got ").append(clip(c.actual())).append(')');
        }
        if (failedChecks.size() > MAX_CHECKS_SHOWN) {
            sb.append("; and ").append(failedChecks.size() - MAX_CHECKS_SHOWN).append(" more");
        }
        return sb.toString();
    }

    private static String clip(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 59) + "…";
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
