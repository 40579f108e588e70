package dev.llmbench.providers.internal.http;

/**
 * Base for server-sent-event wire formats: lines are decoded into {@link SseDecoder.Event}s and
 * handed to {@link #onEvent}; comments and keep-alives never reach it.
 */
public abstract class SseBodyHandler extends LineBodyHandler {
    private final SseDecoder sse = new SseDecoder();

    /** Handles one event. */
    protected abstract void onEvent(SseDecoder.Event event, Emitter out);

    @Override
    protected final void onLine(byte[] line, int offset, int length, Emitter out) {
        sse.line(line, offset, length, e -> {
            if (!out.ended()) {
                onEvent(e, out);
            }
        });
    }

    @Override
    protected final void onLinesEnd(Emitter out) {
        sse.finish(e -> {
            if (!out.ended()) {
                onEvent(e, out);
            }
        });
    }
}
