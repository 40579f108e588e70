package dev.llmbench.core;

/**
 * Bad options, an unknown id, a missing capability or an unreadable configuration file.
 *
 * <p>Always raised before any request is sent. The message is one actionable line: the CLI prints
 * it as is and exits with code 2.
 *
 * @since 0.1
 */
public class BenchConfigurationException extends BenchException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a one-line, actionable message. */
    public BenchConfigurationException(String message) {
        super(message);
    }

    /** Creates an exception with a one-line, actionable message and a cause. */
    public BenchConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
