package dev.llmbench.providers.internal.http;

import dev.llmbench.core.internal.Checks;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request to send, with its limits. Immutable and thread-safe.
 *
 * @param method           {@code GET} or {@code POST}
 * @param uri              the absolute URI
 * @param headers          request headers (values may hold the API key: never log them unredacted)
 * @param body             the request body, empty for GET
 * @param firstByteTimeout how long to wait for the response head after sending
 * @param idleTimeout      the longest silence allowed between response bytes
 * @param totalTimeout     the longest the whole exchange may take
 * @param maxResponseBytes the largest response body accepted
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, Duration firstByteTimeout,
        Duration idleTimeout, Duration totalTimeout, long maxResponseBytes) {
    /** Validates the components and copies the map. */
    public HttpCall {
        Checks.notBlank(method, "method");
        Checks.notNull(uri, "uri");
        headers = Map.copyOf(Checks.notNull(headers, "headers"));
        Checks.notNull(body, "body");
        Checks.notNull(firstByteTimeout, "firstByteTimeout");
        Checks.notNull(idleTimeout, "idleTimeout");
        Checks.notNull(totalTimeout, "totalTimeout");
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes (" + maxResponseBytes + ") must be positive");
        }
    }
}
