package dev.llmbench.graders.code;

import dev.llmbench.core.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs Java: compiles in-process with the JDK's system compiler ({@code javax.tools}) and runs the
 * result in a child JVM (the same {@code java} as the caller's) through {@link ChildProcess}.
 *
 * <h2>Compilation</h2>
 * Into a fresh temporary directory, with annotation processing off ({@code -proc:none}, so no model
 * code runs in the grader's JVM), a class path holding only the sandbox's classes, and UTF-8
 * sources. Compiler errors are reported as {@code File.java:line: message}, at most
 * {@value #MAX_DIAGNOSTICS}, each clipped. The sources are deleted before the child starts.
 *
 * <h2>Child JVM</h2>
 * {@code -Xmx<memoryMb>m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-UsePerfData},
 * a 128 MiB metaspace cap, {@code java.io.tmpdir}, {@code user.home} and the working directory
 * in the sandbox, and the scrubbed environment and limits of {@link ChildProcess}. In test mode the
 * main class is the bundled {@code LlmbenchHarness}, which reads a random per-run nonce from stdin
 * (never from the command line or environment) and prefixes its result lines with it, so output
 * printed by the model's code cannot pass for a result.
 *
 * <h2>Hidden tests</h2>
 * A Java class in the default package with {@code static void define(LlmbenchHarness h)} that
 * registers tests in order with {@code h.test("name", () -> ...)} or
 * {@code h.test("name", timeoutMs, () -> ...)}, using {@code LlmbenchHarness.assertEquals},
 * {@code assertTrue}, {@code assertThrows} and {@code fail}. Put slow (performance) tests last: a
 * test that times out keeps running on its thread.
 *
 * <p>Requires a JDK: {@link #available()} is false on a JRE and the run methods throw
 * {@link IllegalStateException}. Public no-arg constructor, no I/O; thread-safe.
 *
 * @since 0.1
 */
public final class JavaCodeRunner implements CodeRunner {
    /** The language id. */
    public static final String LANGUAGE = "java";
    /** The harness's class name; a solution may not declare it. */
    public static final String HARNESS_CLASS = "LlmbenchHarness";
    /** The most compiler errors reported. */
    public static final int MAX_DIAGNOSTICS = 5;
    private static final int MAX_DIAGNOSTIC_CHARS = 240;
    private static final int STDOUT_KEEP_TESTS = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<JavaCompiler> compiler;

    /** Creates the runner; does no I/O. */
    public JavaCodeRunner() {
        this(ToolProvider::getSystemJavaCompiler);
    }

    /** For tests: a runner with another compiler source (e.g. one that returns null, like a JRE). */
    JavaCodeRunner(Supplier<JavaCompiler> compiler) {
        this.compiler = compiler;
    }

    @Override
    public String language() {
        return LANGUAGE;
    }

    @Override
    public boolean available() {
        return compiler.get() != null;
    }

    @Override
    public ExecutionResult runTests(List<SourceFile> solution, SourceFile tests, ExecutionLimits limits) {
        Checks.notNull(tests, "tests");
        List<SourceFile> all = new ArrayList<>(checkSources(solution));
        Set<String> names = new HashSet<>();
        all.forEach(f -> names.add(f.name()));
        for (String reserved : List.of(tests.name(), HARNESS_CLASS + ".java")) {
            if (!names.add(reserved)) {
                return ExecutionResult.compileError(
                        List.of(reserved + ": the solution may not declare " + reserved.replace(".java", "")));
            }
        }
        all.add(tests);
        all.add(new SourceFile(HARNESS_CLASS + ".java", Harness.SOURCE));
        String nonce = HexFormat.of().formatHex(randomBytes());
        return compileAndRun(all, limits, List.of(HARNESS_CLASS, tests.baseName(),
                Long.toString(limits.testTimeout().toMillis())), (nonce + "\n").getBytes(StandardCharsets.US_ASCII),
                "@@LLMBENCH-" + nonce + " ", STDOUT_KEEP_TESTS);
    }

    @Override
    public ExecutionResult runProgram(List<SourceFile> program, ExecutionLimits limits) {
        List<SourceFile> files = checkSources(program);
        return compileAndRun(files, limits, List.of(files.get(0).baseName()), new byte[0], null,
                (int) limits.outputCapBytes());
    }

    private ExecutionResult compileAndRun(List<SourceFile> files, ExecutionLimits limits, List<String> mainAndArgs,
            byte[] stdin, String marker, int stdoutKeep) {
        Checks.notNull(limits, "limits");
        JavaCompiler javac = requireCompiler();
        Path root = null;
        try {
            root = Files.createTempDirectory("llmbench-java-");
            Path src = Files.createDirectory(root.resolve("src"));
            Path classes = Files.createDirectory(root.resolve("classes"));
            Path work = Files.createDirectory(root.resolve("work"));
            List<Path> paths = new ArrayList<>();
            for (SourceFile f : files) {
                paths.add(Files.writeString(src.resolve(f.name()), f.content(), StandardCharsets.UTF_8));
            }
            List<String> errors = compile(javac, paths, classes);
            deleteRecursively(src);
            if (!errors.isEmpty()) {
                return ExecutionResult.compileError(errors);
            }
            List<String> command = new ArrayList<>(javaCommand(classes, work, limits));
            command.addAll(mainAndArgs);
            ChildProcess.Outcome o = ChildProcess.run(command, work, stdin, limits, marker, stdoutKeep);
            return marker == null ? programResult(o) : HarnessProtocol.parse(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox: " + e.getMessage(), e);
        } finally {
            if (root != null) {
                deleteRecursively(root);
            }
        }
    }

    private static ExecutionResult programResult(ChildProcess.Outcome o) {
        ExecutionResult.Termination t = o.timedOut() ? ExecutionResult.Termination.TIMED_OUT
                : o.outputLimitExceeded() ? ExecutionResult.Termination.OUTPUT_LIMIT
                : ExecutionResult.Termination.EXITED;
        return new ExecutionResult(t, List.of(), List.of(), Optional.empty(), Optional.empty(), o.exitCode(),
                o.stdout(), o.stderr(), o.elapsed());
    }

    private JavaCompiler requireCompiler() {
        JavaCompiler javac = compiler.get();
        if (javac == null) {
            throw new IllegalStateException("compiling Java needs a JDK, but this Java runtime has no system compiler"
                    + " (javax.tools.ToolProvider.getSystemJavaCompiler() is null; java.home="
                    + System.getProperty("java.home") + "); run llmbench with a JDK, not a JRE");
        }
        return javac;
    }

    private static List<SourceFile> checkSources(List<SourceFile> files) {
        Checks.notNull(files, "sources");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("sources must not be empty");
        }
        return List.copyOf(files);
    }

    private static List<String> compile(JavaCompiler javac, List<Path> sources, Path classes) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath", classes.toString(),
                    "-proc:none", "-encoding", "UTF-8", "-g", "-nowarn", "-Xlint:none",
                    "-Xmaxerrs", Integer.toString(MAX_DIAGNOSTICS));
            Boolean ok = javac.getTask(new StringWriter(), fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < MAX_DIAGNOSTICS) {
                    String file = d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName() + ":"
                            + d.getLineNumber() + ": ";
                    errors.add(clip(file + d.getMessage(Locale.ROOT)));
                }
            }
            if (!Boolean.TRUE.equals(ok) && errors.isEmpty()) {
                errors.add("compilation failed");
            }
            return errors;
        }
    }

    /** The {@code java} command line for a sandboxed child, up to (not including) the main class. */
    static List<String> javaCommand(Path classes, Path work, ExecutionLimits limits) {
        return List.of(javaExecutable(), "-Xmx" + limits.memoryMb() + "m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData", "-XX:MaxMetaspaceSize=128m",
                "-XX:ErrorFile=" + work.resolve("hs_err.log"), "-Djava.io.tmpdir=" + work, "-Duser.home=" + work,
                "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true", "-cp", classes.toString());
    }

    /** The {@code java} launcher of the running JVM. */
    static String javaExecutable() {
        String exe = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "java.exe" : "java";
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", exe);
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command().orElse(exe);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_DIAGNOSTIC_CHARS ? one : one.substring(0, MAX_DIAGNOSTIC_CHARS - 1) + "…";
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    p.toFile().setWritable(true);
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a file the child made read-only or still open stays behind
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    /** The harness source, loaded once from this package's resources. */
    private static final class Harness {
        static final String SOURCE = load();

        private static String load() {
            try (InputStream in = JavaCodeRunner.class.getResourceAsStream(HARNESS_CLASS + ".java")) {
                if (in == null) {
                    throw new IllegalStateException("resource " + HARNESS_CLASS + ".java is missing from bench-graders");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
