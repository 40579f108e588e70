package dev.llmbench.cli;

import dev.llmbench.core.load.LoadSummary;
import dev.llmbench.core.results.format.Fmt;
import dev.llmbench.core.runner.LoadListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows a load run's progress on stderr: {@code load sim:oracle 12/60 s · sent 240 · ended 230
 * · in flight 10 · errors 0}, redrawn in place each second on a terminal, else printed every
 * {@link #QUIET_EVERY_TICKS} seconds; and one line per finished model. Callbacks come from the
 * timer and the dispatcher threads, so every method is synchronized.
 */
final class LoadProgressPrinter implements LoadListener {
    /** Seconds between two progress lines when no terminal is attached. */
    static final int QUIET_EVERY_TICKS = 5;

    private final PrintWriter err;
    private final boolean interactive;
    private int ticks;
    private boolean lineOpen;
    private Path runDir;

    LoadProgressPrinter(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void runStarted(Path dir) {
        this.runDir = dir;
        err.println("llmbench: load run in " + dir);
        err.flush();
    }

    @Override
    public synchronized void tick(Snapshot s) {
        ticks++;
        String line = String.format(Locale.ROOT, "load %s %d/%d s · sent %d · ended %d · in flight %d · errors %d",
                s.model(), s.elapsedMs() / 1000, s.windowMs() / 1000, s.sent(), s.completed(), s.inFlight(),
                s.errors());
        if (interactive) {
            err.print("\r" + line + "\u001b[K");
            lineOpen = true;
        } else if (ticks % QUIET_EVERY_TICKS == 0) {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void modelFinished(LoadSummary s) {
        finish();
        err.println(String.format(Locale.ROOT, "load %s done: %d requests, sent %s/s of %s/s offered, ended %s/s,"
                + " %d errors", s.model(), s.started(), Fmt.rate(s.achievedRate()), Fmt.rate(s.offeredRate()),
                Fmt.rate(s.throughput()), s.failed()));
        err.flush();
    }

    /** Ends a line left open by an in-place redraw. */
    synchronized void finish() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    /** The run directory, once the run has started. */
    synchronized java.util.Optional<Path> runDir() {
        return java.util.Optional.ofNullable(runDir);
    }
}
