package dev.llmbench.core.runner;

import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.TrialKey;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.timing.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;

/**
 * Runs single trials outside a {@link Runner}, exactly as a run would: the same request
 * attributes and per-trial seed, the timing engine, the total timeout with its cancel, the tool
 * loop for tool-use cases, grading, and the same rules for failed requests (they score 0; a
 * grader that throws is an {@code internal} error). Nothing is journaled or written: the caller
 * decides what to keep. For harnesses that own the loop themselves — the JMH bridge, JUnit gates.
 *
 * <p>Thread-safe: concurrent calls run concurrently. Close it to stop its timer and worker threads
 * (they are daemon threads).
 *
 * @since 0.1
 */
public final class TrialRunner implements AutoCloseable {
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService workers;
    private final ConversationRunner conversations;

    /** A runner with the system clocks and {@code requestTimeout} per request. */
    public TrialRunner(Duration requestTimeout) {
        this(Ticker.SYSTEM, Clock.systemUTC(), requestTimeout);
    }

    /**
     * @param ticker         the monotonic clock that stamps stream events
     * @param clock          the wall clock for {@link TrialRecord#startedAt()}
     * @param requestTimeout the total time one request may take; positive
     */
    public TrialRunner(Ticker ticker, Clock clock, Duration requestTimeout) {
        Checks.notNull(ticker, "ticker");
        Checks.notNull(clock, "clock");
        if (Checks.notNull(requestTimeout, "requestTimeout").isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout (" + requestTimeout + ") must be positive");
        }
        this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("llmbench-trial-deadlines"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.workers = Executors.newCachedThreadPool(daemon("llmbench-trial-worker"));
        this.conversations = new ConversationRunner(new RequestRunner(ticker, clock, scheduler, requestTimeout), workers);
    }

    /**
     * Runs one trial and waits for it.
     *
     * @param provider the provider to ask
     * @param model    the model spec written into the record, e.g. {@code sim:oracle}
     * @param test     the test the case belongs to
     * @param testCase the case
     * @param trial    the trial index (it feeds the per-trial seed), non-negative
     * @param runSeed  the run seed the per-trial seed is mixed from
     * @param graders  resolves the case's grader configs (create graders once and cache them)
     * @return the graded record; a failed request is a record with an error, never an exception
     * @throws BenchRunException when the calling thread is interrupted (the request is cancelled)
     */
    public TrialRecord run(Provider provider, String model, BenchTest test, TestCase testCase, int trial, long runSeed,
            Function<GraderConfig, Grader> graders) {
        TrialKey key = new TrialKey(model, test.id(), testCase.id(), trial);
        var request = TrialExecutor.request(testCase, key, runSeed, trial);
        var future = conversations.run(provider, request, testCase.toolLoop());
        try {
            return TrialExecutor.record(key, future.get(), test, testCase, graders);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RunInterruptedException("interrupted while waiting for " + key);
        } catch (ExecutionException e) {
            throw new BenchRunException("trial " + key + " failed inside the harness: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
