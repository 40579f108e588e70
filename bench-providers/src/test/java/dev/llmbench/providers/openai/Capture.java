package dev.llmbench.providers.openai;

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

/**
 * Records a stream's events and checks the listener contract (no overlapping calls, nothing
 * after the terminal event). Thread-safe. Public so that the openrouter tests can use it.
 */
public final class Capture implements StreamListener {
    private final List<StreamEvent> events = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean inside = new AtomicBoolean();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicInteger terminals = new AtomicInteger();

    @Override
    public void onEvent(StreamEvent event) {
        if (!inside.compareAndSet(false, true)) {
            violations.incrementAndGet();
        }
        try {
            if (terminals.get() > 0) {
                violations.incrementAndGet();
            }
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

    /** Waits up to 20 s for the terminal event. */
    public Capture await() throws InterruptedException {
        if (!done.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal event within 20 s; got " + events());
        }
        return this;
    }

    /** Waits until some event satisfies {@code test} (up to 20 s). */
    public void awaitEvent(java.util.function.Predicate<StreamEvent> test) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events().stream().noneMatch(test)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no matching event within 20 s; got " + events());
            }
            Thread.sleep(5);
        }
    }

    public synchronized List<StreamEvent> events() {
        return List.copyOf(events);
    }

    public StreamEvent terminal() {
        List<StreamEvent> all = events();
        return all.get(all.size() - 1);
    }

    public ProviderError failure() {
        StreamEvent t = terminal();
        if (!(t instanceof StreamEvent.Failed f)) {
            throw new AssertionError("expected a failure, got " + events());
        }
        return f.error();
    }

    public ChatResponse response() {
        ResponseAssembler a = new ResponseAssembler();
        events().forEach(a::accept);
        return a.response();
    }

    /** Terminal events seen (must be 1). */
    public int terminals() {
        return terminals.get();
    }

    /** Overlapping calls or events after the terminal one (must be 0). */
    public int violations() {
        return violations.get();
    }
}
