package dev.llmbench.providers.internal.http;

import dev.llmbench.core.model.StreamEvent;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Parses one successful (2xx) response body of one wire format into stream events, as the bytes
 * arrive. Created per request; called by one thread at a time, in order.
 *
 * <p>A handler emits non-terminal events with {@link Emitter#emit} and ends the stream with a
 * terminal event when the wire format says it is over ({@code done:true}, {@code [DONE]}, an
 * error event). If the body ends without one, the exchange reports
 * {@link dev.llmbench.core.spi.ErrorClass#TRUNCATED_STREAM}. A handler may throw
 * {@link MalformedResponseException}; the exchange turns it into
 * {@link dev.llmbench.core.spi.ErrorClass#MALFORMED_RESPONSE}.
 */
public interface BodyHandler {
    /** The response head arrived: status (2xx) and headers with lowercase names. */
    default void onHead(int status, Map<String, String> headers, Emitter out) {}

    /** More body bytes; consume all of them. */
    void onBytes(ByteBuffer bytes, Emitter out);

    /** The body ended (EOF). */
    void onEnd(Emitter out);

    /** Receives the events a handler produces. */
    interface Emitter {
        /** Delivers one event; after a terminal event, later calls are ignored. */
        void emit(StreamEvent event);

        /** Whether a terminal event has been delivered. */
        boolean ended();
    }

    /** The body broke its wire format. */
    final class MalformedResponseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message what was wrong, quoting at most a short excerpt */
        public MalformedResponseException(String message) {
            super(message);
        }
    }
}
