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
}
