package dev.llmbench.cli;

import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.Progress;
import dev.llmbench.core.runner.RunListener;
import dev.llmbench.core.spi.ProviderError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * Shows a run's progress on stderr as one line, {@code [done/total] errors N · elapsed m:ss · ETA
 * m:ss}, and each warmup request as {@code warmup 1/1: 812 ms (cold start)}.
 *
 * <p>On a terminal the progress line is redrawn in place with {@code \r}; otherwise (a log file,
 * CI) it is printed at most every {@link #QUIET_INTERVAL} and once more at the end, so logs stay
 * short. It also remembers the run directory the runner reports, for the summary
 * printed afterwards.
 *
 * <p>The runner serialises listener calls; this class is not thread-safe otherwise.
 */
final class ProgressPrinter implements RunListener {
    /** The shortest gap between two progress lines when no terminal is attached. */
    static final Duration QUIET_INTERVAL = Duration.ofSeconds(2);

    private final PrintWriter err;
    private final boolean interactive;
    private final LongSupplier nanoTime;
    private final int warmups;
    private final int models;
    private long lastPrintedAt;
    private boolean printedAny;
    private String lastLine;
    private boolean lastLinePrinted = true;
    private boolean lineOpen;
    private int openWidth;
    private Path runDir;

    /**
     * @param err         where progress goes
     * @param interactive whether to redraw in place ({@code System.console() != null})
     * @param nanoTime    the clock that paces non-interactive output
     * @param warmups     warmup requests per model
     * @param models      models in the run (more than one: lines name the model)
     */
    ProgressPrinter(PrintWriter err, boolean interactive, LongSupplier nanoTime, int warmups, int models) {
        this.err = err;
        this.interactive = interactive;
        this.nanoTime = nanoTime;
        this.warmups = warmups;
        this.models = models;
    }

    @Override
    public void runStarted(Path dir, long total, long alreadyDone) {
        this.runDir = dir;
        err.println("llmbench: run directory " + dir);
        if (alreadyDone > 0) {
            err.println("llmbench: resuming: " + alreadyDone + " of " + total + " trials already done");
        }
        err.flush();
    }

    @Override
    public void warmupFinished(String model, int index, OptionalDouble latencyMs, Optional<ProviderError> error) {
        endLine();
        String prefix = models > 1 ? model + " " : "";
        String what = error.isPresent()
                ? "failed (" + error.get().errorClass().id() + ": " + Failures.oneLine(error.get().message()) + ")"
                : latencyMs.isPresent() ? Math.round(latencyMs.getAsDouble()) + " ms" : "no timing";
        err.println(prefix + "warmup " + (index + 1) + "/" + warmups + ": " + what + (index == 0 ? " (cold start)" : ""));
        err.flush();
    }

    @Override
    public void trialFinished(TrialRecord trial, Progress progress) {
        String line = line(progress);
        boolean last = progress.done() >= progress.total();
        if (interactive) {
            String padded = line + " ".repeat(Math.max(0, openWidth - line.length()));
            err.print("\r" + padded);
            openWidth = line.length();
            lineOpen = true;
            if (last) {
                endLine();
            }
            err.flush();
            return;
        }
        long now = nanoTime.getAsLong();
        lastLine = line;
        if (last || !printedAny || now - lastPrintedAt >= QUIET_INTERVAL.toNanos()) {
            err.println(line);
            err.flush();
            printedAny = true;
            lastPrintedAt = now;
            lastLinePrinted = true;
        } else {
            lastLinePrinted = false;
        }
    }

    @Override
    public void runFinished(RunResult result, Path dir) {
        this.runDir = dir;
        finish();
    }

    /** Ends an open progress line and prints the latest state if it was held back. Idempotent. */
    void finish() {
        endLine();
        if (!interactive && !lastLinePrinted && lastLine != null) {
            err.println(lastLine);
            lastLinePrinted = true;
        }
        err.flush();
    }

    /** The run directory, once the run has started. */
    Optional<Path> runDir() {
        return Optional.ofNullable(runDir);
    }

    private void endLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
            openWidth = 0;
        }
    }

    /** The progress line, e.g. {@code [12/45] errors 0 · elapsed 0:07 · ETA 0:19}. */
    static String line(Progress p) {
        return "[" + p.done() + "/" + p.total() + "] errors " + p.errors() + " · elapsed " + clock(p.elapsed())
                + " · ETA " + p.eta().map(ProgressPrinter::clock).orElse("-:--");
    }

    /** {@code m:ss}, minutes unbounded. */
    static String clock(Duration d) {
        long s = Math.max(0, (d.toMillis() + 500) / 1000);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
