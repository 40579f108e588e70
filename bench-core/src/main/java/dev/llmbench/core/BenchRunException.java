package dev.llmbench.core;

/**
 * An infrastructure failure of the harness itself (the run directory cannot be written, the
 * journal is unreadable). A failing model request is never one of these: it is recorded as data.
 *
 * <p>The CLI exits with code 3.
 *
 * @since 0.1
 */
public class BenchRunException extends BenchException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public BenchRunException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public BenchRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
