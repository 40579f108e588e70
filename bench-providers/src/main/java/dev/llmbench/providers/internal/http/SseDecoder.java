package dev.llmbench.providers.internal.http;

import java.util.function.Consumer;

/**
 * Server-sent events from lines: {@code data:} lines (several are joined with {@code \n}),
 * {@code event:} and {@code id:} fields, comment lines starting with {@code :} ignored (such as
 * {@code : OPENROUTER PROCESSING}), one optional space after the colon removed, and an event
 * dispatched at each blank line. A line without a colon is a field with an empty value.
 *
 * <p>Not thread-safe: one decoder per response.
 */
public final class SseDecoder {
    /**
     * One event.
     *
     * @param event the {@code event:} field, or empty
     * @param data  the joined {@code data:} lines
     */
    public record Event(String event, String data) {
        /** Whether the data is OpenAI's end-of-stream sentinel {@code [DONE]}. */
        public boolean done() {
            return data.startsWith("[DONE]");
        }
    }

    private final StringBuilder data = new StringBuilder();
    private String event = "";
    private boolean hasData;

    /** Feeds one line (without its end); dispatches to {@code sink} at a blank line. */
    public void line(String line, Consumer<Event> sink) {
        if (line.isEmpty()) {
            dispatch(sink);
            return;
        }
        if (line.charAt(0) == ':') {
            return; // comment / keep-alive
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> event = value;
            default -> {
                // id, retry and unknown fields are not needed
            }
        }
    }

    /** Ends the input: a pending event without its blank line is dispatched. */
    public void finish(Consumer<Event> sink) {
        dispatch(sink);
    }

    private void dispatch(Consumer<Event> sink) {
        if (hasData) {
            Event e = new Event(event, data.toString());
            data.setLength(0);
            hasData = false;
            event = "";
            sink.accept(e);
        } else {
            event = "";
        }
    }
}
