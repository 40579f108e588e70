package dev.llmbench.core.runner;

import dev.llmbench.core.BenchRunException;

/**
 * The run was interrupted (its thread was interrupted, e.g. on Ctrl-C). In-flight requests were
 * cancelled and are not recorded; every finished trial is in the journal, partial result files
 * were written, and {@code --resume} continues the run.
 *
 * @since 0.1
 */
public class RunInterruptedException extends BenchRunException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public RunInterruptedException(String message) {
        super(message);
    }
}
