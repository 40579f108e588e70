package dev.llmbench.examples.anchor;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Captures one request's stamps exactly as llmbench's {@link TimedListener} takes them, for
 * {@code client.json}. It is both the TimedListener's {@link Ticker} and its downstream listener:
 * as the ticker it reads {@link Ticker#SYSTEM} ({@link System#nanoTime()}, CLOCK_MONOTONIC on Linux)
 * and remembers the reading; since TimedListener reads its ticker once per event, first thing, and
 * then calls its downstream with that event, the reading the downstream sees is that event's stamp.
 * One stamp is kept per non-empty content event (one per NDJSON token line; the done line's events
 * are not tokens), and the terminal event's stamp is {@code t_done}.
 *
 * <p>Not thread-safe on its own: the StreamListener contract (one delivering thread at a time)
 * serialises the events; {@link #result()} may be read after {@code onFinished} ran, through the
 * happens-before edge the caller uses to wait for it.
 */
final class RequestCapture implements StreamListener, Ticker {
    private final String requestId;
    private final String url;
    private final Consumer<RequestCapture> onFinished;
    private TimedListener timed;
    private long last = Long.MIN_VALUE;
    private long start = Long.MIN_VALUE;
    private long[] stamps = new long[128];
    private int count;
    private long done = Long.MIN_VALUE;
    private boolean completed;
    private String error;
    private long ttft = RequestTiming.ABSENT;

    /**
     * @param requestId  the request id, sent as a header
     * @param url        the server's base URL, for the report
     * @param onFinished called once, on the delivering thread, right after the terminal event
     */
    RequestCapture(String requestId, String url, Consumer<RequestCapture> onFinished) {
        this.requestId = requestId;
        this.url = url;
        this.onFinished = onFinished;
    }

    /** The listener to hand to {@code Provider.stream}: llmbench's TimedListener over this capture. */
    TimedListener listener() {
        if (timed == null) {
            timed = new TimedListener(this, this);
        }
        return timed;
    }

    /** Stamps the start ({@code t_start}); call right before {@code Provider.stream}. */
    TimedListener start() {
        TimedListener t = listener().start();
        start = last;
        return t;
    }

    @Override
    public long nanoTime() {
        long now = Ticker.SYSTEM.nanoTime();
        last = now;
        return now;
    }

    @Override
    public void onEvent(StreamEvent event) {
        long stamp = last; // the reading TimedListener took for this very event
        if (event instanceof StreamEvent.ContentDelta d && !d.text().isEmpty()) {
            if (count == stamps.length) {
                stamps = Arrays.copyOf(stamps, count * 2);
            }
            stamps[count++] = stamp;
        } else if (event.terminal()) {
            done = stamp;
            if (event instanceof StreamEvent.Failed f) {
                error = f.error().errorClass().id() + ": " + f.error().message();
            } else {
                completed = true;
            }
            ttft = timed.timing().ttftNanos();
            onFinished.accept(this);
        }
    }

    /** The request's figures; call after the terminal event. */
    RequestResult result() {
        return new RequestResult(requestId, url, start, Arrays.copyOf(stamps, count),
                completed ? done : RequestResult.NONE, ttft == RequestTiming.ABSENT ? RequestResult.NONE : ttft,
                error);
    }

    /** Lines received: one per token line, plus the done line when the stream completed. */
    int lines() {
        return count + (completed ? 1 : 0);
    }

    /** Whether the request failed. */
    boolean failed() {
        return error != null;
    }
}
