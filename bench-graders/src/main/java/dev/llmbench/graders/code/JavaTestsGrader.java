package dev.llmbench.graders.code;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The grader created by {@link JavaTestsGraderFactory}. Immutable and thread-safe. */
record JavaTestsGrader(CodeRunner runner, SourceFile tests, List<String> testNames, Optional<String> signature,
        Optional<String> method, String className, ExecutionLimits limits) implements Grader {

    @Override
    public Grade grade(GradingInput input) {
        if (!runner.available()) {
            throw new IllegalStateException("grader '" + JavaTestsGraderFactory.ID + "' needs a JDK: this Java runtime"
                    + " has no system compiler (java.home=" + System.getProperty("java.home")
                    + "); run llmbench with a JDK, not a JRE");
        }
        List<Check> checks = new ArrayList<>();
        String wanted = "a ```java block" + signature.map(s -> " declaring " + s).orElse("");
        Optional<FencedCode.Choice> choice = FencedCode.javaBlock(input.text(),
                method.map(JavaTestsGrader::declaration), method.orElse("") + "(…)");
        if (choice.isEmpty()) {
            checks.add(Check.of("extracted", false, wanted, "no fenced Java block"));
            checks.add(Check.of("compiles", false, "compiles with the hidden tests", "not compiled: no code"));
            testNames.forEach(n -> checks.add(Check.of("test:" + n, false, "passes", "not run: no code")));
            return Grade.allOf(checks);
        }
        JavaSource.Prepared prepared = JavaSource.prepare(choice.get().block().content(), className);
        String notes = prepared.notes().isEmpty() ? "" : "; " + String.join(", ", prepared.notes());
        checks.add(Check.of("extracted", true, wanted, choice.get().describe() + notes));
        ExecutionResult r = run(prepared.file());
        checks.add(Check.of("compiles", r.compiled(), "compiles with the hidden tests",
                r.compiled() ? "compiled" : String.join(" | ", r.diagnostics())));
        for (String name : testNames) {
            Optional<TestResult> t = r.test(name);
            if (t.isPresent()) {
                checks.add(Check.of("test:" + name, t.get().passed(), "passes",
                        t.get().passed() ? ("passed " + t.get().message()).strip() : t.get().message()));
            } else {
                checks.add(Check.of("test:" + name, false, "passes", missing(r, name)));
            }
        }
        return Grade.allOf(checks);
    }

    /** A declaration of method {@code name} (a type before the name), not a call such as {@code Solution.name(}. */
    static Pattern declaration(String name) {
        return Pattern.compile("(?<![.\\w$])(?!return\\b|new\\b|throw\\b|else\\b|case\\b)[\\w$]+(?:<[^<>]*>)?(?:\\[\\])*\\s+"
                + Pattern.quote(name) + "\\s*\\(");
    }

    private ExecutionResult run(SourceFile solution) {
        String key = ResultCache.key(runner.language(), solution.name(), solution.content(), tests.name(),
                tests.content(), limits);
        Optional<ExecutionResult> cached = ResultCache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        ExecutionResult r = runner.runTests(List.of(solution), tests, limits);
        ResultCache.put(key, r);
        return r;
    }

    /** Why a test has no reported result. */
    private String missing(ExecutionResult r, String name) {
        if (!r.compiled()) {
            return "not run: does not compile";
        }
        if (r.harnessError().isPresent()) {
            return "not run: the hidden tests could not start: " + r.harnessError().get();
        }
        String why = switch (r.termination()) {
            case TIMED_OUT -> "the run exceeded its time limit of " + limits.wallClock().toMillis() + " ms";
            case OUTPUT_LIMIT -> "the program printed more than " + limits.outputCapBytes() + " bytes";
            case EXITED -> "the JVM exited with status " + r.exitCode() + " (System.exit or a crash)";
            default -> "the harness did not report it";
        };
        boolean during = r.runningTest().map(name::equals).orElse(false);
        return (during ? "stopped during this test: " : "not run: ") + why;
    }
}
