package dev.llmbench.core.timing;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.ResponseAssembler;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.StreamListener;

/**
 * The timing engine for one request: a {@link StreamListener} that stamps every event with one
 * {@link Ticker} the moment it is delivered, assembles the response, and forwards each event to
 * a downstream listener.
 *
 * <p>Usage: create it, call {@link #start()} immediately before handing it to
 * {@code Provider.stream}, and read {@link #timing()} and {@link #response()} after the terminal
 * event. A first-byte stamp comes from {@link StreamEvent.ResponseStarted}, or from the first
 * event of any kind when the provider sends none.
 *
 * <p>Memory while a stream is in flight: a few fields, the assembled response, and the
 * inter-token gaps in {@link TokenGaps.Builder}'s compact form (about 4–6 bytes per token).
 *
 * <p>Not thread-safe in general, but it follows the {@link StreamListener} contract: one
 * delivering thread at a time. Reads after the terminal event see all writes when the caller
 * waited for the terminal event through a happens-before edge (a future or latch).
 *
 * @since 0.1
 */
public final class TimedListener implements StreamListener {
    private final Ticker ticker;
    private final StreamListener downstream;
    private final ResponseAssembler assembler = new ResponseAssembler();
    private final TokenGaps.Builder itl = new TokenGaps.Builder();
    private long start = Long.MIN_VALUE;
    private long ttfb = RequestTiming.ABSENT;
    private long ttft = RequestTiming.ABSENT;
    private long ttfr = RequestTiming.ABSENT;
    private long lastContent = RequestTiming.ABSENT;
    private long end = RequestTiming.ABSENT;
    private int reasoningDeltas;
    private StreamEvent terminal;

    /**
     * @param ticker     the clock that stamps events
     * @param downstream receives every event after it is stamped
     */
    public TimedListener(Ticker ticker, StreamListener downstream) {
        this.ticker = Checks.notNull(ticker, "ticker");
        this.downstream = Checks.notNull(downstream, "downstream");
    }

    /** Stamps the request start. Call once, right before the request is sent. */
    public TimedListener start() {
        if (start != Long.MIN_VALUE) {
            throw new IllegalStateException("start() was already called");
        }
        start = ticker.nanoTime();
        return this;
    }

    /**
     * Starts the clock at an earlier, intended send time (open-loop load: measuring from the
     * intended time corrects coordinated omission).
     *
     * @param intendedStartNanos a reading of the same ticker, not later than now
     */
    public TimedListener startAt(long intendedStartNanos) {
        if (start != Long.MIN_VALUE) {
            throw new IllegalStateException("start() was already called");
        }
        start = intendedStartNanos;
        return this;
    }

    @Override
    public void onEvent(StreamEvent event) {
        long now = ticker.nanoTime();
        if (start == Long.MIN_VALUE) {
            throw new IllegalStateException("start() must be called before events arrive");
        }
        if (terminal != null) {
            return; // a provider broke the contract; the first terminal event stands
        }
        long since = Math.max(0, now - start);
        if (ttfb == RequestTiming.ABSENT && !event.terminal()) {
            ttfb = since;
        }
        if (event instanceof StreamEvent.ContentDelta d && !d.text().isEmpty()) {
            if (ttft == RequestTiming.ABSENT) {
                ttft = since;
            } else {
                itl.add(Math.max(0, now - lastContent));
            }
            lastContent = now;
        } else if (event instanceof StreamEvent.ReasoningDelta d && !d.text().isEmpty()) {
            reasoningDeltas++;
            if (ttfr == RequestTiming.ABSENT) {
                ttfr = since;
            }
        }
        assembler.accept(event);
        if (event.terminal()) {
            end = since;
            terminal = event;
        }
        downstream.onEvent(event);
    }

    /** Whether the terminal event has arrived. */
    public boolean finished() {
        return terminal != null;
    }

    /** The response assembled from the events seen so far. */
    public ChatResponse response() {
        return assembler.response();
    }

    /**
     * The timing of the request. Before the terminal event, latency is measured to now (for a
     * request the caller abandons).
     */
    public RequestTiming timing() {
        long latency = end != RequestTiming.ABSENT ? end : Math.max(0, ticker.nanoTime() - start);
        ChatResponse r = assembler.response();
        long reported = r.usage().outputTokens();
        boolean provider = reported != dev.llmbench.core.model.TokenUsage.UNKNOWN;
        long tokens = provider ? reported : (long) assembler.contentDeltas() + reasoningDeltas;
        return new RequestTiming(ttfb, ttft, ttfr, latency, itl.build(), tokens,
                provider ? UsageSource.PROVIDER : UsageSource.COUNTED);
    }
}
