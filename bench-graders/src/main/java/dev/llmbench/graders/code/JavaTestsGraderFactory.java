package dev.llmbench.graders.code;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code java_tests} grader: extracts the model's fenced Java code, compiles it with hidden
 * tests and runs them in a sandboxed child JVM ({@link JavaCodeRunner}); the score is the share of
 * hidden tests passed.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code tests} (string) or {@code tests_resource} (string, a class-path resource name),
 *       exactly one: the hidden tests' Java source (see {@link JavaCodeRunner}). The test names are
 *       read from its {@code h.test("name", ...)} calls, so every response gets the same checks.
 *   <li>{@code signature} (string, optional): the required method, e.g.
 *       {@code public static long fibonacci(int n)}; the block that declares its method name is
 *       graded (else the last {@code java} block), and it is shown in the checks.
 *   <li>{@code class_name} (string, default {@code Solution}): the class that wraps a block holding
 *       only methods.
 *   <li>{@code time_limit_ms} (100–600000, default 10000): wall clock of the whole child JVM.
 *   <li>{@code test_timeout_ms} (default 2000, at most {@code time_limit_ms}): default limit of one test.
 *   <li>{@code memory_mb} (16–8192, default 256): the child's maximum heap.
 *   <li>{@code output_cap_bytes} (1024–268435456, default 1048576): stdout + stderr limit.
 * </ul>
 *
 * <h2>Checks</h2>
 * {@code extracted} (a {@code ```java} block, or an untagged one when none is tagged, was found; the
 * actual value says which block), {@code compiles} (with the hidden tests; compiler errors as
 * {@code File.java:line: message}), and one {@code test:<name>} per hidden test; all weight 1.
 *
 * <p>Without a JDK the grader throws {@link IllegalStateException} ("needs a JDK") when grading:
 * a missing toolchain is a grader error, not a zero. Stateless and thread-safe; the graders it
 * creates are immutable and thread-safe (results are memoised process-wide, see {@code ResultCache}).
 *
 * @since 0.1
 */
public final class JavaTestsGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "java_tests";

    private static final Set<String> KNOWN = Set.of("tests", "tests_resource", "signature", "class_name",
            "time_limit_ms", "test_timeout_ms", "memory_mb", "output_cap_bytes");
    private static final Pattern TEST_NAME = Pattern.compile("\\.test\\(\\s*\"([^\"]*)\"");
    private static final Pattern CLASS = Pattern.compile("(?m)^\\s*(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern METHOD_NAME = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*\\(");

    /** Creates the factory; does no I/O. */
    public JavaTestsGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "compiles the fenced Java answer and runs hidden tests in a sandboxed child JVM; score = share passed;"
                + " params: tests | tests_resource, signature, class_name, time_limit_ms, test_timeout_ms, memory_mb,"
                + " output_cap_bytes";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when the tests are missing, unreadable,
     *         declare no class or no (or duplicate) test names, a limit is out of range, or a parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        String source = testsSource(config);
        Matcher cls = CLASS.matcher(source);
        if (!cls.find()) {
            throw Params.error(config, "the hidden tests declare no class");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TEST_NAME.matcher(source);
        while (m.find()) {
            String name = m.group(1);
            if (!name.matches("[A-Za-z0-9_.-]+") || !names.add(name)) {
                throw Params.error(config, "hidden test name \"" + name + "\" is not a unique [A-Za-z0-9_.-]+ name");
            }
        }
        if (names.isEmpty()) {
            throw Params.error(config, "the hidden tests register no h.test(\"name\", ...)");
        }
        Optional<String> signature = config.optString("signature").map(s -> s.strip().replaceAll("\\s+", " "));
        Optional<String> method = Optional.empty();
        if (signature.isPresent()) {
            Matcher mm = METHOD_NAME.matcher(signature.get());
            if (!mm.find()) {
                throw Params.error(config, "parameter 'signature' must look like a method, e.g."
                        + " \"public static long fibonacci(int n)\", got \"" + signature.get() + "\"");
            }
            method = Optional.of(mm.group(1));
        }
        String className = config.optString("class_name").orElse("Solution").strip();
        if (!className.matches("[A-Za-z_$][\\w$]*")) {
            throw Params.error(config, "parameter 'class_name' must be a Java identifier, got \"" + className + "\"");
        }
        ExecutionLimits limits = limits(config, 2000, 1 << 20);
        return new JavaTestsGrader(CodeRunners.forLanguage(JavaCodeRunner.LANGUAGE),
                new SourceFile(cls.group(1) + ".java", source), List.copyOf(new ArrayList<>(names)), signature,
                method, className, limits);
    }

    private static String testsSource(GraderConfig config) {
        Optional<String> inline = config.optString("tests");
        Optional<String> resource = config.optString("tests_resource");
        if (inline.isPresent() == resource.isPresent()) {
            throw Params.error(config, "needs exactly one of 'tests' (Java source) and 'tests_resource'");
        }
        if (inline.isPresent()) {
            return inline.get();
        }
        String name = resource.get().strip().replaceFirst("^/", "");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream found = context == null ? null : context.getResourceAsStream(name);
        if (found == null) {
            found = JavaTestsGraderFactory.class.getClassLoader().getResourceAsStream(name);
        }
        if (found == null) {
            throw Params.error(config, "class-path resource '" + name + "' (tests_resource) not found");
        }
        try (InputStream in = found) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Params.error(config, "cannot read resource '" + name + "': " + e.getMessage());
        }
    }

    /** The limits from {@code time_limit_ms}, {@code test_timeout_ms}, {@code memory_mb} and {@code output_cap_bytes}. */
    static ExecutionLimits limits(GraderConfig config, int defaultTestTimeoutMs, long defaultOutputCap) {
        int time = range(config, "time_limit_ms", 10_000, 100, 600_000);
        int test = range(config, "test_timeout_ms", Math.min(defaultTestTimeoutMs, time), 1, time);
        int memory = range(config, "memory_mb", 256, 16, 8192);
        long output = range(config, "output_cap_bytes", (int) defaultOutputCap, 1024, 256 << 20);
        return new ExecutionLimits(Duration.ofMillis(time), Duration.ofMillis(test), memory, output,
                ExecutionLimits.DEFAULT.fileSizeCapBytes());
    }

    private static int range(GraderConfig config, String name, int def, int min, int max) {
        int v = config.optInt(name).orElse(def);
        if (v < min || v > max) {
            throw Params.error(config, "parameter '" + name + "' must be " + min + " to " + max + ", got " + v);
        }
        return v;
    }
}
