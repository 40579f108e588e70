package dev.llmbench.core;

/**
 * Root of llmbench's unchecked exceptions.
 *
 * @since 0.1
 */
public class BenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public BenchException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
