package dev.llmbench.providers.sim;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.StreamListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Records events with arrival times and flags every contract violation it can see. Thread-safe. */
final class RecordingListener implements StreamListener {
    private final AtomicBoolean inside = new AtomicBoolean();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger terminals = new AtomicInteger();
    private final AtomicInteger afterTerminal = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<StreamEvent> events = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private final long createdNanos = System.nanoTime();

    @Override
    public void onEvent(StreamEvent event) {
        if (!inside.compareAndSet(false, true)) {
            overlaps.incrementAndGet();
        }
        try {
            long now = System.nanoTime();
            if (terminals.get() > 0) {
                afterTerminal.incrementAndGet();
            }
            synchronized (this) {
                events.add(event);
                nanos.add(now);
            }
            Thread.yield(); // widen the window in which a concurrent call would be caught
            if (event.terminal()) {
                terminals.incrementAndGet();
                done.countDown();
            }
        } finally {
            inside.set(false);
        }
    }

    /** Waits for the terminal event. */
    RecordingListener await() throws InterruptedException {
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal event within 30 s; got " + events());
        }
        return this;
    }

    synchronized List<StreamEvent> events() {
        return List.copyOf(events);
    }

    StreamEvent terminal() {
        List<StreamEvent> all = events();
        return all.get(all.size() - 1);
    }

    String text() {
        return events().stream()
                .filter(StreamEvent.ContentDelta.class::isInstance)
                .map(e -> ((StreamEvent.ContentDelta) e).text())
                .collect(Collectors.joining());
    }

    List<String> chunks() {
        return events().stream()
                .filter(StreamEvent.ContentDelta.class::isInstance)
                .map(e -> ((StreamEvent.ContentDelta) e).text())
                .toList();
    }

    /** Time from this listener's creation to the first content delta. */
    synchronized Duration firstContentAfterCreation() {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof StreamEvent.ContentDelta) {
                return Duration.ofNanos(nanos.get(i) - createdNanos);
            }
        }
        throw new AssertionError("no content delta in " + events);
    }

    int overlaps() {
        return overlaps.get();
    }

    int terminals() {
        return terminals.get();
    }

    int eventsAfterTerminal() {
        return afterTerminal.get();
    }
}
