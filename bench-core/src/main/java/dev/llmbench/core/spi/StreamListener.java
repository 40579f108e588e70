package dev.llmbench.core.spi;

import dev.llmbench.core.model.StreamEvent;

/**
 * Receives the events of one streamed request.
 *
 * <p>Contract for providers: events are delivered in order and never concurrently (one thread at
 * a time, with happens-before between calls), and exactly one terminal event
 * ({@link StreamEvent.Completed} or {@link StreamEvent.Failed}) is delivered last. A provider
 * delivers each event as soon as its bytes arrive, so that the timing engine can stamp it.
 * Implementations of this interface must return quickly and must not throw.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface StreamListener {
    /** Called for each event. */
    void onEvent(StreamEvent event);
}
