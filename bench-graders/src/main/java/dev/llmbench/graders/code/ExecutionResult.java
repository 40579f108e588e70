package dev.llmbench.graders.code;

import dev.llmbench.core.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What happened when a {@link CodeRunner} compiled and ran code. Immutable and thread-safe.
 *
 * @param termination  how the run ended; never null
 * @param diagnostics  compiler errors as {@code File.java:line: message}, clipped; empty when it compiled
 * @param tests        the hidden tests the harness reported, in order; empty in program mode
 * @param runningTest  the test that had started but not reported when the process ended (timeout,
 *                     {@code System.exit}, crash); empty otherwise
 * @param harnessError why the harness could not start the tests (e.g. no {@code define} method); usually empty
 * @param exitCode     the child's exit status, or -1 when it was not started or was killed
 * @param stdout       the child's standard output decoded as UTF-8: in program mode all of it up to the
 *                     output cap, in test mode (where it includes the harness's result lines) its first 64 KiB;
 *                     never null
 * @param stderr       the beginning of the child's standard error (at most 16 KiB); never null
 * @param elapsed      wall-clock time of the child process; zero when it was not started
 * @since 0.1
 */
public record ExecutionResult(Termination termination, List<String> diagnostics, List<TestResult> tests,
        Optional<String> runningTest, Optional<String> harnessError, int exitCode, String stdout, String stderr,
        Duration elapsed) {

    /** How a run ended. */
    public enum Termination {
        /** The code did not compile; nothing ran. */
        COMPILE_ERROR,
        /** The harness ran every test and reported the end (test mode only). */
        COMPLETED,
        /** The process ended by itself: a program finished, or the code called {@code System.exit} or crashed. */
        EXITED,
        /** The wall-clock limit was exceeded and the process tree was killed. */
        TIMED_OUT,
        /** The output cap was exceeded and the process tree was killed. */
        OUTPUT_LIMIT
    }

    /** Validates the components and copies the lists. */
    public ExecutionResult {
        Checks.notNull(termination, "termination");
        diagnostics = List.copyOf(Checks.notNull(diagnostics, "diagnostics"));
        tests = List.copyOf(Checks.notNull(tests, "tests"));
        Checks.notNull(runningTest, "runningTest");
        Checks.notNull(harnessError, "harnessError");
        Checks.notNull(stdout, "stdout");
        Checks.notNull(stderr, "stderr");
        Checks.notNull(elapsed, "elapsed");
    }

    /** The result of code that did not compile. */
    public static ExecutionResult compileError(List<String> diagnostics) {
        return new ExecutionResult(Termination.COMPILE_ERROR, diagnostics, List.of(), Optional.empty(),
                Optional.empty(), -1, "", "", Duration.ZERO);
    }

    /** Whether the code compiled. */
    public boolean compiled() {
        return termination != Termination.COMPILE_ERROR;
    }

    /** The reported result of the test {@code name}, if the harness reported one. */
    public Optional<TestResult> test(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
