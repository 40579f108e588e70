package dev.llmbench.providers.anthropic;

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

/** Records events, checks the listener contract (no overlap, one terminal, nothing after it) and waits for the end. Thread-safe. */
final class AwaitingListener implements StreamListener {
    private final List<StreamEvent> events = new ArrayList<>();
    private final ResponseAssembler assembler = new ResponseAssembler();
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean inside = new AtomicBoolean();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicInteger terminals = new AtomicInteger();
    private final CountDownLatch firstContent = new CountDownLatch(1);

    @Override
    public void onEvent(StreamEvent event) {
        if (!inside.compareAndSet(false, true)) {
            violations.incrementAndGet();
        }
        try {
            synchronized (this) {
                if (terminals.get() > 0) {
                    violations.incrementAndGet();
                }
                events.add(event);
                assembler.accept(event);
            }
            if (event instanceof StreamEvent.ContentDelta) {
                firstContent.countDown();
            }
            if (event.terminal()) {
                terminals.incrementAndGet();
                done.countDown();
            }
        } finally {
            inside.set(false);
        }
    }

    AwaitingListener await() throws InterruptedException {
        if (!done.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal event within 20 s; got " + events());
        }
        Thread.sleep(50); // anything delivered after the terminal event would show up as a violation
        return this;
    }

    void awaitFirstContent() throws InterruptedException {
        if (!firstContent.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no content within 20 s; got " + events());
        }
    }

    synchronized List<StreamEvent> events() {
        return List.copyOf(events);
    }

    synchronized ResponseAssembler assembler() {
        return assembler;
    }

    synchronized StreamEvent terminal() {
        return events.get(events.size() - 1);
    }

    ProviderError error() {
        StreamEvent t = terminal();
        if (t instanceof StreamEvent.Failed f) {
            return f.error();
        }
        throw new AssertionError("expected a failure, got " + events());
    }

    int violations() {
        return violations.get();
    }

    int terminals() {
        return terminals.get();
    }
}
