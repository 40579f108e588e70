package dev.llmbench.core.timing;

/**
 * A monotonic nanosecond clock. Only differences between two readings mean anything.
 *
 * <p>{@link #SYSTEM} reads {@link System#nanoTime()} (CLOCK_MONOTONIC on Linux). Tests use
 * {@link FakeTicker}. Implementations must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Ticker {
    /** The system's monotonic clock. */
    Ticker SYSTEM = System::nanoTime;

    /** The current reading in nanoseconds. */
    long nanoTime();
}
