package dev.llmbench.cli;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.format.TextTable;
import dev.llmbench.core.runner.Defaults;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.RunAbortedException;
import dev.llmbench.core.runner.RunInterruptedException;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.suitefile.SuiteFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code llmbench run}: benchmarks models on a suite, shows progress on stderr, then prints the
 * console table and the paths of the written result files on stdout.
 *
 * <p>Options are validated by core's {@link Options} builder before anything is sent or created;
 * a bad value exits {@value ExitCodes#USAGE} with one line. Without {@code --model} the model is
 * chosen by {@link DefaultModel}. With {@code --resume DIR} the stored options are used, and
 * combining it with options that shape a run is a usage error (a resumed run keeps recording into
 * its stored {@code --record} directory). {@code --suite} also takes a suite file
 * ({@code .yaml}, {@code .yml}, {@code .json}; see {@link SuiteFiles}), loaded and validated before
 * anything is sent; a resumed run of a file suite needs the same {@code --suite FILE} again. When
 * {@code --fail-on-error}
 * stopped the run, the partial results are still reported and the exit code is
 * {@value ExitCodes#GATE_FAILED}.
 *
 * <p>Not thread-safe; picocli creates one per invocation.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark one or more models on a suite.")
final class RunCommand implements Callable<Integer> {
    /** Options that shape a run and therefore cannot be combined with --resume. */
    private static final List<String> SHAPING = List.of("--model", "--suite", "--tests", "--exclude", "--trials",
            "--warmup", "--concurrency", "--timeout", "--out", "--format", "--seed", "--fail-on-error", "--record",
            "--retries");

    private final Cli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "SPEC",
            description = "provider:model, e.g. ollama:gemma4:e4b, openrouter:minimax/minimax-m3, sim:oracle."
                    + " Repeatable. Default: the first model of the Ollama server at OLLAMA_HOST, else sim:oracle.")
    private List<String> models = new ArrayList<>();

    @Option(names = "--suite", paramLabel = "ID|FILE",
            description = "The suite or single test to run (default: standard), or a suite file (.yaml, .yml, .json).")
    private String suite;

    @Option(names = "--tests", paramLabel = "REGEX", description = "Run only tests whose id matches.")
    private String tests;

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Skip tests whose id matches.")
    private String exclude;

    @Option(names = "--trials", paramLabel = "N", description = "Measured trials per case (default: 3).")
    private Integer trials;

    @Option(names = "--warmup", paramLabel = "N", description = "Warmup requests per model, not measured (default: 1).")
    private Integer warmup;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at once (default: 1).")
    private Integer concurrency;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Total time per request: 500ms, 30s, 2m, 1h or PT30S (default: 5m).")
    private Duration timeout;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run directory (default: llmbench-results/<run id>).")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Result files, comma-separated: json, md, txt, html, csv, junit, hlog (default: json,md).")
    private List<String> formats;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run in DIR with its stored options.")
    private Path resume;

    @Option(names = "--seed", paramLabel = "N", description = "The run's seed (default: 42).")
    private Long seed;

    @Option(names = "--fail-on-error", description = "Stop at the first failed request and exit 1.")
    private boolean failOnError;

    @Option(names = "--retries", paramLabel = "N",
            description = "Retry retriable failures (rate limits, timeouts, 5xx) up to N times, honouring the"
                    + " server's Retry-After (default 0: failures are data).")
    private Integer retries;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Load mode: start requests for this long per model (default 60s when --rate is given).")
    private Duration duration;

    @Option(names = "--rate", paramLabel = "R",
            description = "Load mode, open loop: Poisson arrivals at R requests/s (seeded by --seed); TTFT and"
                    + " latency count from the intended send time. --concurrency caps requests in flight"
                    + " (default " + Defaults.MAX_CONCURRENCY + "). Without --rate, load mode is a closed loop of"
                    + " --concurrency users.")
    private Double rate;

    @Option(names = "--slo", paramLabel = "SPEC",
            description = "Load mode: goodput objective, e.g. ttft=500ms,latency=5s,tpot=50ms.")
    private String slo;

    @Option(names = "--requests", paramLabel = "N",
            description = "Load mode: start at most N requests per model (default: no limit).")
    private Long maxRequests;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Also store every request and raw response stream in DIR, to re-run offline with"
                    + " --model replay:DIR (HTTP providers; the simulator has nothing to record).")
    private Path record;

    RunCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (duration != null || rate != null) {
            return new LoadMode(cli, spec, this).run();
        }
        rejectLoadOnlyOptions();
        boolean simulatedByDefault = false;
        Runner.Builder runner;
        ServiceRegistry registry = cli.registry();
        if (resume != null) {
            rejectShapingOptions();
            runner = Runner.resume(resume);
            if (suite != null) {
                registry = resumedSuiteFile(runner.options());
            }
        } else {
            SuiteFiles.Selection selection = SuiteFiles.select(suite == null ? Defaults.SUITE : suite, registry);
            registry = selection.registry();
            Options.Builder b = shapedOptions().suite(selection.suiteId());
            if (models.isEmpty()) {
                DefaultModel.Choice choice = cli.defaultModel().choose(cli.registry().providers().keySet());
                choice.banner().ifPresent(cli.err()::println);
                cli.err().flush();
                simulatedByDefault = choice.banner().isPresent();
                b.model(choice.spec());
            }
            runner = Runner.builder(b.build());
        }
        Options options = runner.options();
        ProgressPrinter progress = new ProgressPrinter(cli.err(), cli.interactive(), System::nanoTime,
                options.warmup(), options.models().size());
        try {
            RunResult result = runner.registry(registry).listener(progress).build().run();
            report(result, progress, options, simulatedByDefault);
            return ExitCodes.OK;
        } catch (RunInterruptedException e) {
            progress.finish();
            throw e;
        } catch (RunAbortedException e) {
            progress.finish();
            report(e.partialResult(), progress, options, simulatedByDefault);
            cli.err().println("llmbench: " + Failures.oneLine(e.getMessage()));
            cli.err().flush();
            return ExitCodes.GATE_FAILED;
        }
    }

    private void rejectLoadOnlyOptions() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> given = List.of("--slo", "--requests").stream().filter(parsed::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(", ", given)
                    + " only apply to a load run; add --duration (closed loop) or --rate (open loop)");
        }
    }

    Duration duration() {
        return duration;
    }

    Double rate() {
        return rate;
    }

    String slo() {
        return slo;
    }

    Long maxRequests() {
        return maxRequests;
    }

    Integer concurrency() {
        return concurrency;
    }

    List<String> models() {
        return models;
    }

    String suite() {
        return suite;
    }

    /** The options given on the command line, without the model. */
    Options.Builder shapedOptions() {
        Options.Builder b = Options.builder();
        for (String m : models) {
            b.model(m);
        }
        if (tests != null) {
            b.include(tests);
        }
        if (exclude != null) {
            b.exclude(exclude);
        }
        if (trials != null) {
            b.trials(trials);
        }
        if (warmup != null) {
            b.warmup(warmup);
        }
        if (concurrency != null) {
            b.concurrency(concurrency);
        }
        if (timeout != null) {
            b.requestTimeout(timeout);
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (out != null) {
            b.outputDir(out);
        }
        if (formats != null) {
            b.formats(formats.stream().map(ResultFormatType::fromId).toList());
        }
        if (record != null) {
            b.recordDir(record);
        }
        if (retries != null) {
            b.retries(retries);
        }
        return b.failOnError(failOnError);
    }

    /** The registry with the suite file given again with --resume, which must be the stored run's suite. */
    private ServiceRegistry resumedSuiteFile(Options stored) {
        SuiteFiles.Selection selection = SuiteFiles.select(suite, cli.registry());
        if (!selection.suiteId().equals(stored.suite())) {
            throw new BenchConfigurationException("--resume: the run in " + resume + " ran suite \"" + stored.suite()
                    + "\", but " + suite + " defines suite \"" + selection.suiteId() + "\"");
        }
        return selection.registry();
    }

    private void rejectShapingOptions() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> given = SHAPING.stream().filter(parsed::hasMatchedOption)
                .filter(o -> !(o.equals("--suite") && SuiteFiles.isSuiteFile(suite))).toList();
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--resume continues a run with its stored options;"
                    + " remove " + String.join(", ", given) + " or start a new run without --resume");
        }
    }

    private void report(RunResult result, ProgressPrinter progress, Options options, boolean simulatedByDefault) {
        PrintWriter o = cli.out();
        o.print(TextTable.write(result));
        Path dir = progress.runDir().or(options::outputDir).orElse(null);
        if (dir != null) {
            o.println();
            for (ResultFormatType type : ResultFormatType.values()) {
                if (options.formats().contains(type)) {
                    type.fileNames().forEach(f -> o.println(dir.resolve(f)));
                }
            }
        }
        o.flush();
        if (simulatedByDefault) {
            cli.err().println("llmbench: these figures come from the offline simulator; NO MODEL WAS MEASURED.");
            cli.err().flush();
        }
    }
}
