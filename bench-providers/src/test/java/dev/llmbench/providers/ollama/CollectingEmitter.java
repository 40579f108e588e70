package dev.llmbench.providers.ollama;

import dev.llmbench.core.model.ResponseAssembler;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.providers.internal.http.BodyHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects what a body handler emits, ignoring events after the terminal one as the exchange does. */
final class CollectingEmitter implements BodyHandler.Emitter {
    final List<StreamEvent> events = new ArrayList<>();
    private boolean ended;

    @Override
    public void emit(StreamEvent event) {
        if (ended) {
            return;
        }
        events.add(event);
        ended = event.terminal();
    }

    @Override
    public boolean ended() {
        return ended;
    }

    /** Feeds {@code body} to {@code handler} in pieces of {@code pieceBytes} bytes, then ends it. */
    static CollectingEmitter feed(BodyHandler handler, byte[] body, int pieceBytes) {
        CollectingEmitter out = new CollectingEmitter();
        for (int i = 0; i < body.length; i += pieceBytes) {
            handler.onBytes(ByteBuffer.wrap(body, i, Math.min(pieceBytes, body.length - i)), out);
        }
        handler.onEnd(out);
        return out;
    }

    static CollectingEmitter feed(BodyHandler handler, String body) {
        return feed(handler, body.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    StreamEvent terminal() {
        return events.get(events.size() - 1);
    }

    <T extends StreamEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    dev.llmbench.core.model.ChatResponse response() {
        ResponseAssembler a = new ResponseAssembler();
        events.forEach(a::accept);
        return a.response();
    }
}
