package dev.llmbench.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {
    private final SseDecoder sse = new SseDecoder();
    private final List<SseDecoder.Event> events = new ArrayList<>();

    private void lines(String... ls) {
        for (String l : ls) {
            sse.line(l, events::add);
        }
    }

    @Test
    void dispatchesDataAtBlankLinesAndIgnoresComments() {
        lines(": OPENROUTER PROCESSING", "", "data: {\"a\":1}", "", ": OPENROUTER PROCESSING", "", "data: [DONE]", "");
        assertThat(events).extracting(SseDecoder.Event::data).containsExactly("{\"a\":1}", "[DONE]");
        assertThat(events.get(1).done()).isTrue();
        assertThat(events.get(0).done()).isFalse();
    }

    @Test
    void joinsMultiLineDataWithNewlines() {
        lines("data: {\"a\":", "data:  1}", "");
        assertThat(events).singleElement().extracting(SseDecoder.Event::data).isEqualTo("{\"a\":\n 1}");
    }

    @Test
    void keepsTheEventNameAndResetsItAfterDispatch() {
        lines("event: message_start", "data: {}", "", "data: {}", "");
        assertThat(events).extracting(SseDecoder.Event::event).containsExactly("message_start", "");
    }

    @Test
    void aBlankLineWithoutDataDispatchesNothing() {
        lines("", "", "event: ping", "", "id: 7", "retry: 100", "");
        assertThat(events).isEmpty();
    }

    @Test
    void finishDispatchesAPendingEventWithoutItsBlankLine() {
        lines("data: last");
        sse.finish(events::add);
        assertThat(events).extracting(SseDecoder.Event::data).containsExactly("last");
    }

    @Test
    void removesOnlyOneLeadingSpace() {
        lines("data:no-space", "", "data:   three", "");
        assertThat(events).extracting(SseDecoder.Event::data).containsExactly("no-space", "  three");
    }

    @Test
    void readsLinesGivenAsByteSlicesOfALargerArray() {
        byte[] buf = "junkdata: {\"é\":1}junkevent: deltajunk".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int data = 4;
        int dataEnd = data + "data: {\"é\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int event = dataEnd + 4;
        sse.line(buf, event, "event: delta".length(), events::add);
        sse.line(buf, data, dataEnd - data, events::add);
        buf[data + 7] = 'X'; // the decoder must have copied the data
        sse.line(buf, 0, 0, events::add);
        assertThat(events).containsExactly(SseDecoder.Event.of("delta", "{\"é\":1}"));
    }

    @Test
    void tellsBlankAndDoneDataApart() {
        assertThat(SseDecoder.Event.of("", " \t\n").blank()).isTrue();
        assertThat(SseDecoder.Event.of("", "\u3000").blank()).as("a Unicode space").isTrue();
        assertThat(SseDecoder.Event.of("", " x").blank()).isFalse();
        assertThat(SseDecoder.Event.of("", "é").blank()).isFalse();
        assertThat(SseDecoder.Event.of("", "[DONE]").done()).isTrue();
        assertThat(SseDecoder.Event.of("", "[DONE").done()).isFalse();
        assertThat(SseDecoder.Event.of("", "{}").dataBytes()).isEqualTo(2);
    }

    @Test
    void aRepeatedEventNameDoesNotLeakIntoTheNextEvent() {
        lines("event: delta", "data: 1", "", "event: delta", "data: 2", "", "data: 3", "");
        assertThat(events).extracting(SseDecoder.Event::event).containsExactly("delta", "delta", "");
    }
}
