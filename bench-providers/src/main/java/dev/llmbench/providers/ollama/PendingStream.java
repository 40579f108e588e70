package dev.llmbench.providers.ollama;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.util.function.Supplier;

/**
 * The handle of a request that waits for something (the model's {@code /api/show} facts) before
 * it is sent. Until then a cancel ends the stream here, with one {@link StreamEvent.Failed};
 * afterwards cancels go to the real exchange. Thread-safe.
 */
final class PendingStream implements StreamHandle {
    private final StreamListener listener;
    private StreamHandle delegate; // guarded by this
    private boolean ended; // guarded by this

    PendingStream(StreamListener listener) {
        this.listener = listener;
    }

    /** Starts the real request unless this stream was cancelled already. */
    synchronized void start(Supplier<StreamHandle> send) {
        if (!ended && delegate == null) {
            delegate = send.get();
        }
    }

    /** Ends the stream with {@code event} unless it was started or ended already. */
    synchronized void endBeforeStart(StreamEvent.Failed event) {
        if (!ended && delegate == null) {
            ended = true;
            listener.onEvent(event);
        }
    }

    @Override
    public void cancel(ErrorClass reason) {
        StreamHandle d;
        synchronized (this) {
            d = delegate;
            if (d == null) {
                ErrorClass c = reason == null ? ErrorClass.CANCELLED : reason;
                endBeforeStart(new StreamEvent.Failed(ProviderError.of(c,
                        "ollama: request cancelled by the caller before it was sent (" + c.id() + ")")));
                return;
            }
        }
        d.cancel(reason);
    }
}
