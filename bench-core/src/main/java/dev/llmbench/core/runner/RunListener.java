package dev.llmbench.core.runner;

import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.ProviderError;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Observes a run, for progress displays. Callbacks may come from several threads, but never
 * concurrently with each other (the runner serialises them); they must return quickly.
 *
 * @since 0.1
 */
public interface RunListener {
    /** Observes nothing. */
    RunListener NONE = new RunListener() {};

    /**
     * The run is planned and about to send its first request.
     *
     * @param runDir      the run directory
     * @param total       measured trials in the plan
     * @param alreadyDone trials found in the journal (a resumed run)
     */
    default void runStarted(Path runDir, long total, long alreadyDone) {}

    /** A warmup request finished (its result is not part of the measurements). */
    default void warmupFinished(String model, int index, OptionalDouble latencyMs, Optional<ProviderError> error) {}

    /** A measured trial finished and was journaled. */
    default void trialFinished(TrialRecord trial, Progress progress) {}

    /** Results were assembled and written. */
    default void runFinished(RunResult result, Path runDir) {}
}
