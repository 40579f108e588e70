package dev.llmbench.providers.anthropic;

import dev.llmbench.core.model.ResponseAssembler;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.providers.internal.http.BodyHandler;
import java.util.ArrayList;
import java.util.List;

/** Collects what a body handler emits; ignores events after a terminal one, as the exchange does. Not thread-safe. */
final class CollectingEmitter implements BodyHandler.Emitter {
    private final List<StreamEvent> events = new ArrayList<>();
    private final ResponseAssembler assembler = new ResponseAssembler();
    private boolean ended;

    @Override
    public void emit(StreamEvent event) {
        if (ended) {
            return;
        }
        events.add(event);
        assembler.accept(event);
        ended = event.terminal();
    }

    @Override
    public boolean ended() {
        return ended;
    }

    List<StreamEvent> events() {
        return List.copyOf(events);
    }

    <T extends StreamEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    ResponseAssembler assembler() {
        return assembler;
    }

    StreamEvent last() {
        return events.get(events.size() - 1);
    }
}
