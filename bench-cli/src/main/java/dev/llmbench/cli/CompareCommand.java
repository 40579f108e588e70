package dev.llmbench.cli;

import dev.llmbench.core.compare.CompareFormat;
import dev.llmbench.core.compare.ComparedFile;
import dev.llmbench.core.compare.Comparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code llmbench compare}: reads llmbench result files (or run directories) and seed harness
 * result files and prints a leaderboard, a head-to-head of every pair of models and, with
 * {@code --baseline}, a regression diff.
 *
 * <p>Output: without {@code --out}, one format (default {@code txt}) on stdout; with
 * {@code --out DIR}, every {@code --format} (default {@code md,json}) written atomically into DIR
 * as {@code compare.*}, the text tables on stdout and the written paths after them.
 *
 * <p>Exit codes: {@value ExitCodes#OK}; {@value ExitCodes#GATE_FAILED} when
 * {@code --fail-on-regression} is given and a regression was found (with one line on stderr);
 * {@value ExitCodes#USAGE} for bad usage or a file that is JSON but not a result;
 * {@value ExitCodes#INFRASTRUCTURE} for a file that cannot be read, is not JSON or is malformed,
 * or an output that cannot be written. Not thread-safe; one per invocation.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare result files: a leaderboard, a head-to-head of every pair of models and, with"
                + " --baseline, the regressions.",
            "FILE is an llmbench result.json (or its run directory) or a seed harness result JSON file."})
final class CompareCommand implements Callable<Integer> {
    private final Cli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Result files or run directories.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Compare every model with this run's model of the same spec (or its only model) and"
                    + " report significant score and latency regressions.")
    private Path baseline;

    @Option(names = "--fail-on-regression", description = "Exit 1 when a regression against --baseline is found.")
    private boolean failOnRegression;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "txt, md, json, html. Default: txt on stdout, or md,json with --out.")
    private List<String> formats;

    @Option(names = "--out", paramLabel = "DIR", description = "Write compare.<format> files into DIR.")
    private Path out;

    CompareCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (failOnRegression && baseline == null) {
            throw new ParameterException(spec.commandLine(), "--fail-on-regression needs --baseline FILE");
        }
        Set<CompareFormat> chosen = new LinkedHashSet<>();
        if (formats != null) {
            formats.forEach(f -> chosen.add(CompareFormat.fromId(f)));
        }
        if (out == null && chosen.size() > 1) {
            throw new ParameterException(spec.commandLine(), "several formats need --out DIR; without it, choose"
                    + " one format for stdout");
        }
        List<ComparedFile> read = new ArrayList<>();
        for (Path f : files) {
            read.add(ComparedFile.read(f));
        }
        Optional<ComparedFile> base = Optional.ofNullable(baseline).map(ComparedFile::read);
        Comparison comparison = Comparison.of(read, base);
        PrintWriter o = cli.out();
        if (out == null) {
            o.print(chosen.isEmpty() ? CompareFormat.TEXT.render(comparison) : chosen.iterator().next().render(comparison));
        } else {
            if (chosen.isEmpty()) {
                chosen.add(CompareFormat.MARKDOWN);
                chosen.add(CompareFormat.JSON);
            }
            List<Path> written = CompareFormat.writeAll(comparison, out, chosen);
            o.print(CompareFormat.TEXT.render(comparison));
            o.println();
            written.forEach(o::println);
        }
        o.flush();
        int regressions = comparison.regressions().size();
        if (failOnRegression && regressions > 0) {
            cli.err().println("llmbench: " + regressions + " regression(s) against the baseline " + baseline);
            cli.err().flush();
            return ExitCodes.GATE_FAILED;
        }
        return ExitCodes.OK;
    }
}
