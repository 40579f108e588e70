package dev.llmbench.core.runner;

import dev.llmbench.core.timing.FakeTicker;
import dev.llmbench.core.timing.Ticker;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a ticker reading, for the open-loop schedule. Implementations must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Pacer {
    /**
     * Returns once {@code ticker} reads {@code deadlineNanos} or later.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void awaitUntil(Ticker ticker, long deadlineNanos) throws InterruptedException;

    /**
     * Parks the thread until the deadline (Linux wakes a parked thread some 50–100 µs late; the
     * lateness is recorded as send delay and corrected for, not hidden).
     */
    Pacer PARKING = (ticker, deadline) -> {
        long left;
        while ((left = deadline - ticker.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("load pacing interrupted");
            }
        }
    };

    /** For tests with a {@link FakeTicker}: moves the fake clock forward to the deadline. */
    static Pacer advancing(FakeTicker ticker) {
        return (t, deadline) -> {
            long left = deadline - ticker.nanoTime();
            if (left > 0) {
                ticker.advanceNanos(left);
            }
        };
    }
}
