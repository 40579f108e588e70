package dev.llmbench.providers.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Server-sent events from lines: {@code data:} lines (several are joined with {@code \n}),
 * {@code event:} and {@code id:} fields, comment lines starting with {@code :} ignored (such as
 * {@code : OPENROUTER PROCESSING}), one optional space after the colon removed, and an event
 * dispatched at each blank line. A line without a colon is a field with an empty value.
 *
 * <p>Works on the UTF-8 bytes of each line ({@link LineDecoder.LineSink}): the data of an event
 * is copied once, into the event's own array, and is decoded to a string only when asked
 * ({@link Event#data()}); a JSON payload can go to Jackson as bytes ({@link Event#parser}).
 *
 * <p>Not thread-safe: one decoder per response.
 */
public final class SseDecoder {
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

    /**
     * One event: its name and its data as UTF-8 bytes. Immutable (the bytes are never exposed)
     * and thread-safe; {@link #data()} decodes on each call.
     */
    public static final class Event {
        private final String event;
        private final byte[] data;

        /**
         * @param event the {@code event:} field, or empty
         * @param data  the joined {@code data:} lines as UTF-8; not copied, so the caller must
         *              not change it afterwards
         */
        Event(String event, byte[] data) {
            this.event = event;
            this.data = data;
        }

        /** An event from strings (tests and callers that have text). */
        public static Event of(String event, String data) {
            return new Event(event, data.getBytes(StandardCharsets.UTF_8));
        }

        /** The {@code event:} field, or empty. */
        public String event() {
            return event;
        }

        /** The joined {@code data:} lines, decoded (valid UTF-8, as the line decoder checked). */
        public String data() {
            return new String(data, StandardCharsets.UTF_8);
        }

        /** The length of the data in UTF-8 bytes. */
        public int dataBytes() {
            return data.length;
        }

        /** Whether the data is OpenAI's end-of-stream sentinel {@code [DONE]} (it starts with it). */
        public boolean done() {
            return data.length >= DONE.length && Arrays.equals(data, 0, DONE.length, DONE, 0, DONE.length);
        }

        /** Whether the data is empty or only whitespace, as {@link String#isBlank()} decides. */
        public boolean blank() {
            for (byte b : data) {
                if (b < 0) {
                    return data().isBlank(); // non-ASCII: let the JDK decide about Unicode spaces
                }
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return true;
        }

        /** A streaming parser over the data bytes, with {@code mapper} as its codec. */
        public JsonParser parser(ObjectMapper mapper) throws IOException {
            return mapper.createParser(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Event e && event.equals(e.event) && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return 31 * event.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Event[event=" + event + ", data=" + data() + "]";
        }
    }

    private byte[] data;
    private String event = "";
    private byte[] lastEventBytes = {};
    private String lastEvent = "";

    /** Feeds one line (without its end); dispatches to {@code sink} at a blank line. */
    public void line(String line, Consumer<Event> sink) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        line(b, 0, b.length, sink);
    }

    /**
     * Feeds one line given as UTF-8 bytes (without its end); dispatches to {@code sink} at a
     * blank line. The bytes are not kept after the call.
     */
    public void line(byte[] line, int offset, int length, Consumer<Event> sink) {
        if (length == 0) {
            dispatch(sink);
            return;
        }
        if (line[offset] == ':') {
            return; // comment / keep-alive
        }
        int end = offset + length;
        int colon = offset;
        while (colon < end && line[colon] != ':') {
            colon++;
        }
        int value = Math.min(colon + 1, end);
        if (value < end && line[value] == ' ') {
            value++;
        }
        if (is(DATA, line, offset, colon)) {
            appendData(line, value, end);
        } else if (is(EVENT, line, offset, colon)) {
            // event names repeat on every event (Anthropic); reuse the last string when equal
            if (!Arrays.equals(lastEventBytes, 0, lastEventBytes.length, line, value, end)) {
                lastEventBytes = Arrays.copyOfRange(line, value, end);
                lastEvent = new String(lastEventBytes, StandardCharsets.UTF_8);
            }
            event = lastEvent;
        }
        // id, retry and unknown fields are not needed
    }

    /** Ends the input: a pending event without its blank line is dispatched. */
    public void finish(Consumer<Event> sink) {
        dispatch(sink);
    }

    private static boolean is(byte[] name, byte[] line, int from, int to) {
        return Arrays.equals(name, 0, name.length, line, from, to);
    }

    private void appendData(byte[] line, int from, int to) {
        if (data == null) {
            data = Arrays.copyOfRange(line, from, to); // the usual single-line event: one copy
            return;
        }
        byte[] joined = Arrays.copyOf(data, data.length + 1 + to - from);
        joined[data.length] = '\n';
        System.arraycopy(line, from, joined, data.length + 1, to - from);
        data = joined;
    }

    private void dispatch(Consumer<Event> sink) {
        String name = event;
        event = "";
        if (data != null) {
            Event e = new Event(name, data);
            data = null;
            sink.accept(e);
        }
    }
}
