package dev.llmbench.cli;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.runner.RunInterruptedException;
import dev.llmbench.core.spi.ProviderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code (DESIGN.md, "CLI contract"):
 * usage and configuration errors exit {@value ExitCodes#USAGE}, interruptions
 * {@value ExitCodes#INTERRUPTED}, everything else {@value ExitCodes#INFRASTRUCTURE} with a hint to
 * rerun with {@code --debug}, which prints the stack trace. Stateless apart from the stream.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final String DEBUG_HINT = " (rerun with --debug for the stack trace)";
    private final PrintWriter err;

    Failures(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        err.println("llmbench: " + oneLine(ex.getMessage()) + " (see " + command + " --help)");
        if (contains(args, "--debug")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        boolean debug = debugRequested(parseResult);
        int code = exitCode(ex);
        String message = ex instanceof BenchConfigurationException || ex instanceof BenchRunException
                || ex instanceof ProviderException || ex instanceof IllegalArgumentException ? message(ex) : describe(ex);
        boolean hint = code == ExitCodes.INFRASTRUCTURE && !debug;
        err.println("llmbench: " + message + (hint ? DEBUG_HINT : ""));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The exit code for an exception thrown by a command. */
    static int exitCode(Throwable ex) {
        if (ex instanceof RunInterruptedException) {
            return ExitCodes.INTERRUPTED;
        }
        if (ex instanceof BenchConfigurationException || ex instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.INFRASTRUCTURE;
    }

    private static String describe(Exception ex) {
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return "I/O failure: " + message(ex);
        }
        return "unexpected " + ex.getClass().getSimpleName() + ": " + message(ex);
    }

    private static String message(Throwable ex) {
        String m = oneLine(ex.getMessage() == null ? ex.toString() : ex.getMessage());
        if (ex.getCause() instanceof FileAlreadyExistsException) {
            // its message is only the path; say what is wrong with it
            m += " (a file is in the way where a directory is needed)";
        }
        return m;
    }

    /** {@code s} on one line: line breaks become spaces. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static boolean debugRequested(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] args, String s) {
        for (String a : args) {
            if (a.equals(s)) {
                return true;
            }
        }
        return false;
    }
}
