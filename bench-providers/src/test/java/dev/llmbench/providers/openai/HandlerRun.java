package dev.llmbench.providers.openai;

import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.ResponseAssembler;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.http.BodyHandler;
import dev.llmbench.providers.internal.http.ErrorMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Feeds a response body into a {@link ChatCompletionsBodyHandler} the way the exchange does
 * (pieces of a chosen size, then the end) and records what it emits. Not thread-safe.
 */
final class HandlerRun implements BodyHandler.Emitter {
    static final String CANARY_KEY = "sk-canary-123";

    private final List<StreamEvent> events = new ArrayList<>();
    private boolean ended;

    private final ChatCompletionsBodyHandler handler = new ChatCompletionsBodyHandler(
            new ErrorMapper("openrouter", Secret.of(CANARY_KEY), "check OPENROUTER_API_KEY", Clock.systemUTC()));

    /** Runs {@code body} in pieces of {@code pieceBytes} bytes, then ends it. */
    static HandlerRun of(byte[] body, int pieceBytes) {
        return new HandlerRun().feed(body, pieceBytes).end();
    }

    /** Feeds more of the body in one piece, without ending it. */
    HandlerRun feed(String more) {
        return feed(more.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    /** Feeds more of the body in pieces of {@code pieceBytes} bytes, without ending it. */
    HandlerRun feed(byte[] body, int pieceBytes) {
        for (int at = 0; at < body.length; at += pieceBytes) {
            ByteBuffer piece = ByteBuffer.wrap(body, at, Math.min(pieceBytes, body.length - at)).slice();
            handler.onBytes(piece, this);
            if (piece.hasRemaining()) {
                throw new AssertionError("the handler left bytes unconsumed");
            }
        }
        return this;
    }

    /** Ends the body. */
    HandlerRun end() {
        handler.onEnd(this);
        return this;
    }

    /** Runs {@code body} in one piece. */
    static HandlerRun of(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    /** Runs {@code body} one byte at a time. */
    static HandlerRun bytewise(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8), 1);
    }

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

    List<StreamEvent> events() {
        return events;
    }

    /** The terminal event, if one was emitted (none means the exchange would report truncation). */
    Optional<StreamEvent> terminal() {
        return ended ? Optional.of(events.get(events.size() - 1)) : Optional.empty();
    }

    ProviderError failure() {
        return ((StreamEvent.Failed) terminal().orElseThrow()).error();
    }

    ChatResponse response() {
        ResponseAssembler a = new ResponseAssembler();
        events.forEach(a::accept);
        return a.response();
    }

    <T extends StreamEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
