package dev.llmbench.core.runner;

import dev.llmbench.core.load.LoadResult;
import dev.llmbench.core.load.LoadSummary;
import java.nio.file.Path;

/**
 * Observes a load run, for progress displays. {@link #tick} comes from a timer thread about once
 * a second; the other callbacks from the thread that runs the load. Callbacks must return quickly.
 *
 * @since 0.1
 */
public interface LoadListener {
    /** Observes nothing. */
    LoadListener NONE = new LoadListener() {};

    /**
     * A snapshot of one model's load phase.
     *
     * @param model     the model spec
     * @param elapsedMs milliseconds since the phase began
     * @param windowMs  the phase's window in milliseconds
     * @param sent      requests sent so far
     * @param completed requests ended so far (successes and failures)
     * @param errors    failures so far
     * @param inFlight  requests in flight now
     */
    record Snapshot(String model, long elapsedMs, long windowMs, long sent, long completed, long errors,
            int inFlight) {}

    /** The run directory exists and the first model's phase is about to start. */
    default void runStarted(Path runDir) {}

    /** About once a second during a phase, including the drain after its window. */
    default void tick(Snapshot snapshot) {}

    /** One model's phase ended and was summarised. */
    default void modelFinished(LoadSummary summary) {}

    /** The result files were written. */
    default void runFinished(LoadResult result) {}
}
