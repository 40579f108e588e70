package dev.llmbench.graders.code;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code program_output} grader: compares the model's prediction of a program's output with the
 * output the program <em>really</em> prints, obtained by compiling and running it in the sandbox
 * ({@link JavaCodeRunner#runProgram}) when the grader is created — expected output is never typed
 * by hand.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code program} (string, required): the Java source of the program; its public class (or
 *       {@code Main}) is the entry point. It must compile, exit with status 0 within the limits and
 *       print at least one line.
 *   <li>{@code time_limit_ms} (100–600000, default 10000), {@code memory_mb} (16–8192, default 256),
 *       {@code output_cap_bytes} (1024–268435456, default 65536): the run's limits.
 * </ul>
 *
 * <h2>Reading the prediction</h2>
 * The last fenced block not tagged {@code java}; without one, the text after the last line
 * starting with {@code Output:} (bold allowed). Lines are compared after removing trailing whitespace
 * and trailing empty lines, on both sides.
 *
 * <h2>Checks</h2>
 * {@code output_found} (weight 1), one {@code line N} per line of the real output (weight 1 each:
 * the predicted line N equals it), and {@code line_count} (weight 1: no missing or extra lines,
 * so appending a second, contradicting answer fails).
 *
 * <p>Without a JDK the grader is created but throws {@link IllegalStateException} ("needs a JDK")
 * when grading. Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ProgramOutputGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "program_output";

    private static final Set<String> KNOWN = Set.of("program", "time_limit_ms", "memory_mb", "output_cap_bytes");
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");

    /** Creates the factory; does no I/O. */
    public ProgramOutputGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "compares the predicted output (last non-Java fenced block or 'Output:' section) line by line with"
                + " the real output of running the program in the sandbox; params: program, time_limit_ms,"
                + " memory_mb, output_cap_bytes";
    }

    /**
     * {@inheritDoc}
     *
     * <p>Runs the program in the sandbox (results are memoised process-wide) when a JDK is present.
     *
     * @throws dev.llmbench.core.BenchConfigurationException when {@code program} is missing, does not
     *         compile, fails, times out, prints nothing or too much, a limit is out of range, or a
     *         parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        String program = config.optString("program").filter(s -> !s.isBlank())
                .orElseThrow(() -> Params.error(config, "needs parameter 'program' (Java source with a main method)"));
        ExecutionLimits limits = JavaTestsGraderFactory.limits(config, Integer.MAX_VALUE, 64 << 10);
        Matcher m = PUBLIC_CLASS.matcher(program);
        SourceFile file = new SourceFile((m.find() ? m.group(1) : "Main") + ".java", program);
        CodeRunner runner = CodeRunners.forLanguage(JavaCodeRunner.LANGUAGE);
        if (!runner.available()) {
            return new ProgramOutputGrader(Optional.empty());
        }
        return new ProgramOutputGrader(Optional.of(realOutput(config, runner, file, limits)));
    }

    private static List<String> realOutput(GraderConfig config, CodeRunner runner, SourceFile file,
            ExecutionLimits limits) {
        String key = ResultCache.key("program", runner.language(), file.name(), file.content(), limits);
        ExecutionResult r = ResultCache.get(key).orElseGet(() -> {
            ExecutionResult run = runner.runProgram(List.of(file), limits);
            ResultCache.put(key, run);
            return run;
        });
        if (!r.compiled()) {
            throw Params.error(config, "the program does not compile: " + String.join(" | ", r.diagnostics()));
        }
        if (r.termination() != ExecutionResult.Termination.EXITED || r.exitCode() != 0) {
            throw Params.error(config, "the program did not run cleanly (" + r.termination() + ", exit status "
                    + r.exitCode() + "): " + Params.clip(r.stderr(), 200));
        }
        List<String> lines = normalise(r.stdout());
        if (lines.isEmpty()) {
            throw Params.error(config, "the program prints nothing");
        }
        return lines;
    }

    /** Splits into lines, strips trailing whitespace from each, and drops trailing empty lines. */
    static List<String> normalise(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return List.copyOf(lines);
    }
}
