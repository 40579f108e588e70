package dev.llmbench.core.runner;

import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.RunResult;

/**
 * {@link Options#failOnError()} stopped the run after the first failed request. The partial
 * results were aggregated and written before this was thrown, and are available here.
 *
 * @since 0.1
 */
public class RunAbortedException extends BenchRunException {
    private static final long serialVersionUID = 1L;
    private final transient RunResult partial;

    /** Creates the exception with the partial result. */
    public RunAbortedException(String message, RunResult partial) {
        super(message);
        this.partial = Checks.notNull(partial, "partial");
    }

    /** The results of the trials that finished before the abort; never null. */
    public RunResult partialResult() {
        return partial;
    }
}
