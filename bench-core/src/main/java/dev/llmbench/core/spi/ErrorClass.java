package dev.llmbench.core.spi;

import java.util.Arrays;
import java.util.Locale;

/**
 * The classes a failed request is sorted into. Their {@link #id()}s appear in result files and
 * are stable.
 *
 * @since 0.1
 */
public enum ErrorClass {
    /** The server could not be reached (connection refused, unknown host). */
    UNREACHABLE(true),
    /** The connection was not established within the connect timeout. */
    TIMEOUT_CONNECT(true),
    /** No response byte arrived within the first-byte timeout. */
    TIMEOUT_FIRST_BYTE(true),
    /** The stream went quiet for longer than the idle timeout. */
    TIMEOUT_IDLE(true),
    /** The whole request took longer than the total (request) timeout. */
    TIMEOUT_TOTAL(true),
    /** HTTP 401 or 403: a missing, wrong or unauthorised API key. */
    AUTHENTICATION(false),
    /** HTTP 402: out of credits. */
    PAYMENT_REQUIRED(false),
    /** HTTP 404, or the server says the model does not exist. */
    MODEL_NOT_FOUND(false),
    /** HTTP 400, 413 or 422: the server rejected the request. */
    INVALID_REQUEST(false),
    /** HTTP 429. */
    RATE_LIMITED(true),
    /** HTTP 5xx. */
    SERVER_ERROR(true),
    /** An error event arrived after a successful status. */
    STREAM_ERROR(true),
    /** The response could not be parsed. */
    MALFORMED_RESPONSE(false),
    /** The stream ended without a terminal event. */
    TRUNCATED_STREAM(true),
    /** The response exceeded the configured size cap. */
    RESPONSE_TOO_LARGE(false),
    /** The request was cancelled (the run was interrupted). */
    CANCELLED(false),
    /** A defect inside llmbench or a plugin (a provider or grader threw). */
    INTERNAL(false);

    private final boolean retriable;

    ErrorClass(boolean retriable) {
        this.retriable = retriable;
    }

    /** The stable snake_case id written to result files, e.g. {@code "timeout_total"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a retry could plausibly succeed. */
    public boolean retriable() {
        return retriable;
    }

    /**
     * The class with the given id.
     *
     * @throws IllegalArgumentException naming the known ids when {@code id} is unknown
     */
    public static ErrorClass fromId(String id) {
        for (ErrorClass c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown error class \"" + id + "\"; known: "
                + Arrays.stream(values()).map(ErrorClass::id).toList());
    }
}
