package dev.llmbench.core.timing;

import dev.llmbench.core.internal.Checks;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that moves only when told to, for exact, deterministic timing tests.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class FakeTicker implements Ticker {
    private final AtomicLong now = new AtomicLong();

    /** Starts at 0 ns. */
    public FakeTicker() {}

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** Moves the clock forward by {@code nanos} (non-negative). */
    public FakeTicker advanceNanos(long nanos) {
        now.addAndGet(Checks.nonNegative(nanos, "nanos"));
        return this;
    }

    /** Moves the clock forward by {@code millis} milliseconds (non-negative). */
    public FakeTicker advanceMillis(long millis) {
        return advanceNanos(Checks.nonNegative(millis, "millis") * 1_000_000L);
    }

    /** Moves the clock forward by {@code duration} (non-negative). */
    public FakeTicker advance(Duration duration) {
        return advanceNanos(Checks.notNull(duration, "duration").toNanos());
    }
}
