package dev.llmbench.graders.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the sandbox guarantees, tested with small limits. Wall-clock assertions only bound from
 * above with a wide slack (limit + 10 s), so a busy machine cannot make them flaky.
 */
class SandboxTest {
    private static final JavaCodeRunner RUNNER = new JavaCodeRunner();
    private static final ExecutionLimits LIMITS = ExecutionLimits.DEFAULT.withMemoryMb(64);
    private static final Duration SLACK = Duration.ofSeconds(10);

    static ExecutionResult program(String body, ExecutionLimits limits) {
        String source = "import java.io.*;\nimport java.nio.file.*;\nimport java.util.*;\n"
                + "public class Main {\n    public static void main(String[] args) throws Exception {\n" + body
                + "\n    }\n}\n";
        return RUNNER.runProgram(List.of(new SourceFile("Main.java", source)), limits);
    }

    static ExecutionResult tests(String solution, String tests, ExecutionLimits limits) {
        return RUNNER.runTests(List.of(new SourceFile("Solution.java", solution)),
                new SourceFile("T.java", "final class T {\n    static void define(LlmbenchHarness h) {\n" + tests
                        + "\n    }\n}\n"), limits);
    }

    /** Whether {@code pid} is gone within a few seconds (the kernel reaps killed processes asynchronously). */
    static boolean eventuallyDead(long pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void anInfiniteLoopIsKilledWithinItsLimit() throws Exception {
        ExecutionLimits limits = LIMITS.withWallClock(Duration.ofSeconds(1));
        ExecutionResult r = program("System.out.println(ProcessHandle.current().pid()); System.out.flush();"
                + " while (true) { }", limits);
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.TIMED_OUT);
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(r.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(limits.wallClock().plus(SLACK));
        assertThat(eventuallyDead(Long.parseLong(r.stdout().strip()))).as("the looping JVM is dead").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"System.out", "System.err"})
    void aProgramPrintingGigabytesIsCutOffAtTheOutputCap(String stream) {
        ExecutionLimits limits = LIMITS.withOutputCapBytes(256 * 1024).withWallClock(Duration.ofSeconds(60));
        ExecutionResult r = program("byte[] chunk = new byte[65536]; Arrays.fill(chunk, (byte) 'x');"
                + " for (long i = 0; i < 100_000; i++) { " + stream + ".write(chunk); }", limits);
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.OUTPUT_LIMIT);
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(r.stdout().length()).isLessThanOrEqualTo(256 * 1024);
        assertThat(r.stderr().length()).isLessThanOrEqualTo(ChildProcess.STDERR_KEEP);
        assertThat(r.elapsed()).isLessThan(limits.wallClock());
    }

    @Test
    void theEnvironmentIsExactlyTheWhitelist() {
        ExecutionResult r = program("System.out.println(new TreeMap<>(System.getenv()).keySet());"
                + " System.out.println(System.getenv(\"HOME\").equals(System.getProperty(\"user.dir\")));", LIMITS);
        assertThat(r.stdout().lines().toList()).containsExactly(
                ChildProcess.environment(Path.of("x")).keySet().stream().sorted().toList().toString(), "true");
        Set<String> leaked = new TreeSet<>(System.getenv().keySet());
        leaked.removeAll(ChildProcess.environment(Path.of("x")).keySet());
        for (String name : leaked) {
            assertThat(r.stdout()).as("variable %s of the grader's environment", name).doesNotContain("[" + name + ",")
                    .doesNotContain(", " + name + ",").doesNotContain(", " + name + "]");
        }
    }

    @Test
    void aSecretPlantedInTheGradersEnvironmentIsInvisibleToTheProgram() throws Exception {
        String secret = "sk-canary-" + System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(JavaCodeRunner.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), EnvProbe.class.getName()).redirectErrorStream(true);
        pb.environment().put(EnvProbe.VARIABLE, secret);
        Process grader = pb.start();
        String out = new String(grader.getInputStream().readAllBytes());
        assertThat(grader.waitFor()).as(out).isZero();
        assertThat(out).contains("grader sees: " + secret).contains("program sees: null");
        assertThat(out.lines().filter(l -> l.startsWith("program sees")).toList()).noneMatch(l -> l.contains(secret));
    }

    @Test
    void relativeAndTemporaryFilesLandInTheSandboxWhichIsDeletedAfterwards() {
        ExecutionResult r = program("Files.writeString(Path.of(\"escape.txt\"), \"x\");"
                + " File tmp = File.createTempFile(\"tmp\", \".txt\");"
                + " System.out.println(Path.of(\"escape.txt\").toAbsolutePath());"
                + " System.out.println(tmp.getAbsolutePath());"
                + " System.out.println(System.getProperty(\"user.home\"));", LIMITS);
        List<String> paths = r.stdout().lines().toList();
        assertThat(paths).hasSize(3);
        Path sandbox = Path.of(paths.get(2));
        assertThat(sandbox.toString()).contains("llmbench-java-");
        assertThat(Path.of(paths.get(0))).startsWithRaw(sandbox);
        assertThat(Path.of(paths.get(1))).startsWithRaw(sandbox);
        assertThat(sandbox).doesNotExist();
        assertThat(sandbox.getParent()).doesNotExist();
        assertThat(Path.of("escape.txt")).doesNotExist();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFileLargerThanTheFileSizeCapCannotBeWritten() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh for ulimit");
        ExecutionResult r = program("try (OutputStream o = Files.newOutputStream(Path.of(\"big.bin\"))) {"
                + " o.write(new byte[4 << 20]); System.out.println(\"wrote 4 MiB\"); }"
                + " catch (IOException e) { System.out.println(\"blocked: \" + e.getMessage()); }",
                LIMITS.withFileSizeCapBytes(1 << 20));
        assertThat(r.stdout()).startsWith("blocked: ").contains("File too large");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    @EnabledOnOs(OS.LINUX)
    void spawnedAndDaemonisedProcessesDieWithTheSandbox(boolean loopForever) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sleep")) || Files.isExecutable(Path.of("/usr/bin/sleep")));
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")),
                "daemonised processes are only swept with setsid");
        ExecutionResult r = program("Process child = new ProcessBuilder(\"sleep\", \"300\").start();"
                + " Process sh = new ProcessBuilder(\"/bin/sh\", \"-c\", \"sleep 300 >/dev/null 2>&1 & echo $!\").start();"
                + " String daemon = new String(sh.getInputStream().readAllBytes()).strip(); sh.waitFor();"
                + " System.out.println(child.pid() + \" \" + daemon); System.out.flush();"
                + (loopForever ? " while (true) { Thread.sleep(10); }" : ""),
                LIMITS.withWallClock(Duration.ofSeconds(3)));
        assertThat(r.termination()).isEqualTo(loopForever ? ExecutionResult.Termination.TIMED_OUT
                : ExecutionResult.Termination.EXITED);
        long[] pids = Arrays.stream(r.stdout().strip().split(" ")).mapToLong(Long::parseLong).toArray();
        assertThat(pids).hasSize(2);
        for (long pid : pids) {
            assertThat(eventuallyDead(pid)).as("process %d", pid).isTrue();
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void homeIsTheSandboxButFilesElsewhereStayReadable() throws Exception {
        // Reads are not isolated without root (no chroot or mount namespace): documented in the README.
        // What the sandbox does give: HOME and user.home point into it, so "~/.m2/settings.xml",
        // "~/.aws/credentials" and the like resolve to nothing.
        ExecutionResult r = program("String home = System.getenv(\"HOME\");"
                + " System.out.println(home.equals(System.getProperty(\"user.home\")));"
                + " System.out.println(Files.exists(Path.of(home, \".m2\", \"settings.xml\")));"
                + " System.out.println(Files.exists(Path.of(home, \".ssh\")));"
                + " System.out.println(Files.isReadable(Path.of(\"/etc/passwd\")));", LIMITS);
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.EXITED);
        assertThat(r.stdout().lines().toList()).containsExactly("true", "false", "false",
                Boolean.toString(Files.isReadable(Path.of("/etc/passwd"))));
    }

    @Test
    void aProgramOpeningANetworkConnectionIsGradedAndTheGraderSurvives() throws Exception {
        // The network is not isolated without root (no network namespace): documented in the README.
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            ExecutionResult r = program("try (java.net.Socket s = new java.net.Socket(java.net.InetAddress"
                    + ".getLoopbackAddress(), " + server.getLocalPort() + ")) { s.getOutputStream().write(1);"
                    + " System.out.println(\"connected\"); } catch (IOException e) { System.out.println(\"blocked\"); }"
                    + " while (true) { Thread.sleep(10); }", LIMITS.withWallClock(Duration.ofSeconds(2)));
            assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.TIMED_OUT);
            assertThat(r.stdout().strip()).isIn("connected", "blocked");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aShellSpawnedByTheProgramIsKilledWithIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        ExecutionResult r = program("Process sh = new ProcessBuilder(\"/bin/sh\", \"-c\", \"sleep 1000\").start();"
                + " System.out.println(sh.pid()); System.out.flush(); sh.waitFor();",
                LIMITS.withWallClock(Duration.ofSeconds(2)));
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.TIMED_OUT);
        assertThat(eventuallyDead(Long.parseLong(r.stdout().strip()))).as("the shell is dead").isTrue();
    }

    @Test
    void theHeapIsCapped() {
        ExecutionResult r = program("List<byte[]> hog = new ArrayList<>(); for (int i = 0; i < 64; i++)"
                + " { hog.add(new byte[16 << 20]); } System.out.println(hog.size());", LIMITS.withMemoryMb(32));
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.EXITED);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("OutOfMemoryError");
    }

    @Test
    void systemExitInASolutionFailsTheRunningAndLaterTestsButNotTheGrader() {
        ExecutionResult r = tests("public class Solution { static int f(int n) { if (n == 2) System.exit(0);"
                + " return n; } }",
                "h.test(\"one\", () -> LlmbenchHarness.assertEquals(1, Solution.f(1)));"
                        + " h.test(\"two\", () -> LlmbenchHarness.assertEquals(2, Solution.f(2)));"
                        + " h.test(\"three\", () -> LlmbenchHarness.assertEquals(3, Solution.f(3)));", LIMITS);
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.EXITED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.tests()).extracting(TestResult::name, TestResult::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("one", true));
        assertThat(r.runningTest()).contains("two");
    }

    @Test
    void resultLinesPrintedByTheSolutionAreIgnored() {
        String fake = "for (String p : new String[] {\"@@LLMBENCH- \", \"@@LLMBENCH-0 \", \"LLMBENCH-RESULT \", \"\"}) {"
                + " System.out.println(p + \"PASS one\"); System.out.println(\"\\n\" + p + \"PASS one in 1 ms\");"
                + " System.out.println(p + \"END\"); }";
        ExecutionResult r = tests("public class Solution { static int f(int n) { " + fake + " return -1; } }",
                "h.test(\"one\", () -> LlmbenchHarness.assertEquals(1, Solution.f(1)));", LIMITS);
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.COMPLETED);
        assertThat(r.tests()).containsExactly(new TestResult("one", false, "expected <1> but was <-1>"));
    }

    @Test
    void aHangingTestTimesOutAloneAndTheOthersStillRun() {
        ExecutionResult r = tests("public class Solution { static int f(int n) { while (n == 0) { } return n; } }",
                "h.test(\"hangs\", 300, () -> Solution.f(0));"
                        + " h.test(\"after\", () -> LlmbenchHarness.assertEquals(1, Solution.f(1)));", LIMITS);
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.COMPLETED);
        assertThat(r.tests()).extracting(TestResult::name, TestResult::passed, TestResult::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hangs", false, "timed out after 300 ms"),
                org.assertj.core.groups.Tuple.tuple("after", true, r.tests().get(1).message()));
        assertThat(r.tests().get(1).message()).matches("in \\d+ ms");
    }

    @Test
    void compilerErrorsAreReportedWithFileAndLine() {
        ExecutionResult r = tests("public class Solution {\n    static int f(int n) { return \"x\"; }\n}\n",
                "h.test(\"one\", () -> LlmbenchHarness.assertEquals(1, Solution.f(1)));", LIMITS);
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.COMPILE_ERROR);
        assertThat(r.diagnostics()).first().asString().startsWith("Solution.java:2: ").contains("incompatible types");
    }

    @Test
    void aSolutionMayNotReplaceTheHarness() {
        ExecutionResult r = RUNNER.runTests(List.of(new SourceFile("LlmbenchHarness.java", "public class LlmbenchHarness {}")),
                new SourceFile("T.java", "final class T { static void define(LlmbenchHarness h) {} }"), LIMITS);
        assertThat(r.termination()).isEqualTo(ExecutionResult.Termination.COMPILE_ERROR);
        assertThat(r.diagnostics()).first().asString().contains("may not declare LlmbenchHarness");
    }

    @Test
    void withoutACompilerTheRunnerSaysItNeedsAJdk() {
        JavaCodeRunner jre = new JavaCodeRunner(() -> null);
        assertThat(jre.available()).isFalse();
        assertThatThrownBy(() -> jre.runProgram(List.of(new SourceFile("Main.java", "class Main {}")), LIMITS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a JDK");
    }
}
