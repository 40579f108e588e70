package dev.llmbench.cli;

import dev.llmbench.core.runner.Version;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code llmbench} command: {@code run}, {@code list}, {@code ask}, {@code grade} and {@code compare}.
 *
 * <p>Every failure ends in one line on stderr, {@code llmbench: <message>}, and an exit code from
 * {@link ExitCodes}; {@code --debug} (accepted anywhere on the line) adds the stack trace and
 * debug logging. Results go to stdout, everything else to stderr. Ctrl-C (SIGINT) interrupts the
 * running command, which writes what it has (see {@link GracefulShutdown}) and exits
 * {@value ExitCodes#INTERRUPTED}.
 *
 * @since 0.1
 */
@Command(name = "llmbench", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "A JMH-style benchmark harness for large language models.",
        footer = {"", "Exit codes: 0 ok, 1 a requested gate failed, 2 bad usage or configuration,",
            "3 infrastructure failure, 130 interrupted."})
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of failures and debug logging.")
    private boolean debug;

    private Main() {}

    /**
     * Runs {@code llmbench} with {@code args} and exits the JVM with the command's exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--debug")) {
            // must happen before the first logger is created
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        GracefulShutdown shutdown = GracefulShutdown.install();
        int code = execute(Cli.system(), args);
        shutdown.finished();
        // after a signal the JVM is already exiting (128 + signal): this call then just waits for it
        System.exit(code);
    }

    /** Runs {@code args} against {@code cli}'s streams and returns the exit code (what tests call). */
    static int execute(Cli cli, String... args) {
        try {
            return commandLine(cli).execute(args);
        } finally {
            cli.out().flush();
            cli.err().flush();
        }
    }

    /** The configured command tree. */
    static CommandLine commandLine(Cli cli) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.addSubcommand("run", new RunCommand(cli));
        cmd.addSubcommand("list", new ListCommand(cli));
        cmd.addSubcommand("ask", new AskCommand(cli));
        cmd.addSubcommand("grade", new GradeCommand(cli));
        cmd.addSubcommand("compare", new CompareCommand(cli));
        Failures failures = new Failures(cli.err());
        cmd.setOut(cli.out());
        cmd.setErr(cli.err());
        cmd.setParameterExceptionHandler(failures);
        cmd.setExecutionExceptionHandler(failures);
        return cmd;
    }

    /** {@code llmbench} without a command is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: use run, list, ask, grade or compare");
    }

    /** Supplies {@code --version} from the core library's build information. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"llmbench " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
