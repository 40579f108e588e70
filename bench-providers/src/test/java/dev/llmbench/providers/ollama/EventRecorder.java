package dev.llmbench.providers.ollama;

import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.ResponseAssembler;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Records events and flags contract violations (overlapping calls, events after the terminal). Thread-safe. */
final class EventRecorder implements StreamListener {
    private final List<StreamEvent> events = new ArrayList<>();
    private final AtomicBoolean inside = new AtomicBoolean();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger terminals = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);

    @Override
    public void onEvent(StreamEvent event) {
        if (!inside.compareAndSet(false, true)) {
            overlaps.incrementAndGet();
        }
        try {
            synchronized (this) {
                events.add(event);
            }
            if (event.terminal()) {
                terminals.incrementAndGet();
                done.countDown();
            }
        } finally {
            inside.set(false);
        }
    }

    EventRecorder await() throws InterruptedException {
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal event within 30 s; got " + events());
        }
        return this;
    }

    synchronized List<StreamEvent> events() {
        return List.copyOf(events);
    }

    <T extends StreamEvent> List<T> of(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    StreamEvent terminal() {
        List<StreamEvent> all = events();
        return all.get(all.size() - 1);
    }

    ProviderError error() {
        if (terminal() instanceof StreamEvent.Failed f) {
            return f.error();
        }
        throw new AssertionError("expected a failure, got " + events());
    }

    ChatResponse response() {
        ResponseAssembler a = new ResponseAssembler();
        events().forEach(a::accept);
        return a.response();
    }

    int terminals() {
        return terminals.get();
    }

    int overlaps() {
        return overlaps.get();
    }
}
