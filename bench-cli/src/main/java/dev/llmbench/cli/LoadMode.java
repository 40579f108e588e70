package dev.llmbench.cli;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.load.LoadReport;
import dev.llmbench.core.load.LoadResult;
import dev.llmbench.core.load.LoadSpec;
import dev.llmbench.core.load.Slo;
import dev.llmbench.core.runner.Defaults;
import dev.llmbench.core.runner.LoadRunner;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.RunInterruptedException;
import dev.llmbench.core.suitefile.SuiteFiles;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalDouble;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code llmbench run --duration D} / {@code --rate R}: the load mode of {@code run}. Validates the
 * combination of options (trial-mode options that mean nothing under load are usage errors, not
 * silently ignored), chooses the model like a trial run, runs core's {@link LoadRunner} with a
 * progress line on stderr, and prints the summary tables and the result files on stdout.
 * Not thread-safe; one per invocation.
 */
final class LoadMode {
    /** Options of a trial run that have no meaning in a load run. */
    private static final List<String> TRIAL_ONLY = List.of("--resume", "--trials", "--fail-on-error", "--retries",
            "--format");

    private final Cli cli;
    private final CommandSpec spec;
    private final RunCommand run;

    LoadMode(Cli cli, CommandSpec spec, RunCommand run) {
        this.cli = cli;
        this.spec = spec;
        this.run = run;
    }

    int run() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> given = TRIAL_ONLY.stream().filter(parsed::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(", ", given) + " cannot be combined with a"
                    + " load run (--duration/--rate): a load run sends each request once, is not graded or resumed,"
                    + " and writes load.json, load.md and requests.jsonl");
        }
        LoadSpec load = loadSpec();
        SuiteFiles.Selection selection = SuiteFiles.select(run.suite() == null ? Defaults.SUITE : run.suite(),
                cli.registry());
        Options.Builder b = run.shapedOptions().suite(selection.suiteId());
        boolean simulatedByDefault = false;
        if (run.models().isEmpty()) {
            DefaultModel.Choice choice = cli.defaultModel().choose(cli.registry().providers().keySet());
            choice.banner().ifPresent(cli.err()::println);
            cli.err().flush();
            simulatedByDefault = choice.banner().isPresent();
            b.model(choice.spec());
        }
        LoadProgressPrinter progress = new LoadProgressPrinter(cli.err(), cli.interactive());
        LoadResult result;
        try {
            result = LoadRunner.builder(b.build(), load).registry(selection.registry()).listener(progress).build().run();
        } catch (RunInterruptedException e) {
            progress.finish();
            throw e;
        }
        progress.finish();
        PrintWriter o = cli.out();
        o.print(LoadReport.text(result));
        o.println();
        for (String f : List.of(LoadReport.JSON_FILE, LoadReport.MARKDOWN_FILE, LoadReport.REQUESTS_FILE)) {
            o.println(result.dir().resolve(f));
        }
        o.flush();
        if (simulatedByDefault) {
            cli.err().println("llmbench: these figures come from the offline simulator; NO MODEL WAS MEASURED.");
            cli.err().flush();
        }
        return ExitCodes.OK;
    }

    private LoadSpec loadSpec() {
        Slo slo = run.slo() == null ? Slo.NONE : Slo.parse(run.slo());
        try {
            LoadSpec s = new LoadSpec(run.rate() == null ? OptionalDouble.empty() : OptionalDouble.of(run.rate()),
                    run.concurrency() != null ? run.concurrency() : run.rate() != null ? Defaults.MAX_CONCURRENCY : 1,
                    run.duration() != null ? run.duration() : LoadSpec.DEFAULT_DURATION,
                    run.maxRequests() == null ? 0 : run.maxRequests(), slo);
            if (run.rate() != null) {
                // fail early and clearly rather than inside the run
                dev.llmbench.core.load.ArrivalSchedule.poisson(run.rate(), s.duration(), 0);
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new BenchConfigurationException(e.getMessage(), e);
        }
    }
}
