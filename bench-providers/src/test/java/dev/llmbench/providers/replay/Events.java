package dev.llmbench.providers.replay;

import dev.llmbench.core.model.ResponseAssembler;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Collects one stream's events with the arrival time of the first content, and waits for the end. Thread-safe. */
final class Events implements StreamListener {
    private final List<StreamEvent> events = new ArrayList<>();
    private final ResponseAssembler assembler = new ResponseAssembler();
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch firstContent = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile long firstContentNanos = -1;
    private int afterTerminal;

    @Override
    public synchronized void onEvent(StreamEvent event) {
        if (done.getCount() == 0) {
            afterTerminal++;
            return;
        }
        events.add(event);
        assembler.accept(event);
        if (event instanceof StreamEvent.ContentDelta c && !c.text().isEmpty() && firstContentNanos < 0) {
            firstContentNanos = System.nanoTime() - startNanos;
            firstContent.countDown();
        }
        if (event.terminal()) {
            done.countDown();
        }
    }

    Events await() throws InterruptedException {
        if (!done.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal event within 20 s; got " + events());
        }
        Thread.sleep(30);
        synchronized (this) {
            if (afterTerminal > 0) {
                throw new AssertionError(afterTerminal + " event(s) after the terminal one");
            }
        }
        return this;
    }

    void awaitFirstContent() throws InterruptedException {
        if (!firstContent.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no content within 20 s; got " + events());
        }
    }

    /** Nanoseconds from this listener's creation to the first non-empty content delta. */
    long firstContentNanos() {
        return firstContentNanos;
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
        if (terminal() instanceof StreamEvent.Failed f) {
            return f.error();
        }
        throw new AssertionError("expected a failure, got " + events());
    }
}
