package dev.llmbench.core.spi;

/**
 * Controls one in-flight streamed request.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface StreamHandle {
    /**
     * Cancels the request. Idempotent and thread-safe. If the stream has not ended yet, the
     * provider delivers a terminal {@link dev.llmbench.core.model.StreamEvent.Failed} with
     * {@link ErrorClass#CANCELLED}, or with the given class when the caller supplies one.
     *
     * @param reason the class to report, e.g. {@link ErrorClass#TIMEOUT_TOTAL} when the caller's
     *               deadline passed
     */
    void cancel(ErrorClass reason);
}
