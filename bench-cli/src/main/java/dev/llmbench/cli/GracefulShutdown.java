package dev.llmbench.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes Ctrl-C (SIGINT) and SIGTERM stop a command gracefully. A JVM shutdown hook interrupts the
 * thread running the command and waits, at most {@link #GRACE}, until the command has returned:
 * an interrupted {@code run} cancels its in-flight requests, keeps its finished trials in the
 * journal, writes partial result files and prints its one line. The JVM then exits with
 * 128 + the signal number ({@value ExitCodes#INTERRUPTED} for SIGINT), as it does for any signal.
 *
 * <p>When the command has already returned (a normal {@link System#exit}), the hook does nothing.
 * Thread-safe.
 */
final class GracefulShutdown {
    /** The longest the hook waits for the command to write its partial results. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final Thread command;
    private final CountDownLatch finished = new CountDownLatch(1);

    private GracefulShutdown(Thread command) {
        this.command = command;
    }

    /** Installs the hook for the calling thread, which runs the command. */
    static GracefulShutdown install() {
        GracefulShutdown s = new GracefulShutdown(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(new Thread(s::onShutdown, "llmbench-shutdown"));
        return s;
    }

    /** Called by the command thread once the command has returned and its output is flushed. */
    void finished() {
        finished.countDown();
    }

    private void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        command.interrupt();
        try {
            finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
