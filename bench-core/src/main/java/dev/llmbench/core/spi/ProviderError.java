package dev.llmbench.core.spi;

import dev.llmbench.core.internal.Checks;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A classified request failure. Immutable and thread-safe.
 *
 * <p>Messages must never contain an API key; providers truncate response bodies quoted in them.
 *
 * @param errorClass     the class; never null
 * @param message        an actionable, human-readable message; never null
 * @param httpStatusCode the HTTP status, or 0 when there was none
 * @param retryAfterMillis how long the server asked to wait before retrying, or -1 when it did not say
 * @since 0.1
 */
public record ProviderError(ErrorClass errorClass, String message, int httpStatusCode, long retryAfterMillis) {
    /** Validates the components. */
    public ProviderError {
        Checks.notNull(errorClass, "errorClass");
        Checks.notNull(message, "message");
        if (httpStatusCode != 0 && (httpStatusCode < 100 || httpStatusCode > 599)) {
            throw new IllegalArgumentException("httpStatusCode (" + httpStatusCode + ") must be 0 or 100-599");
        }
    }

    /** An error without an HTTP status. */
    public static ProviderError of(ErrorClass errorClass, String message) {
        return new ProviderError(errorClass, message, 0, -1);
    }

    /** The HTTP status when there was one. */
    public OptionalInt httpStatus() {
        return httpStatusCode == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatusCode);
    }

    /** The server's requested back-off when it gave one. */
    public OptionalLong retryAfter() {
        return retryAfterMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterMillis);
    }
}
