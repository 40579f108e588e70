package dev.llmbench.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link FakeLlmServer} has seen: requests and finished exchanges (each also queued for
 * taking), the request sequence, and the number of chat exchanges being served now and at most.
 * Thread-safe: lists under this object's monitor, queues concurrent. Not API.
 */
final class Recordings {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final LinkedBlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private final List<RecordedExchange> exchanges = new ArrayList<>();
    private final LinkedBlockingQueue<RecordedExchange> untakenExchanges = new LinkedBlockingQueue<>();
    private long sequence;
    private int chatInProgress;
    private int peakChatInProgress;

    RecordedRequest request(HttpRequestReader.Raw raw, long connectionId, int onConnection, WireFormat format) {
        RecordedRequest r;
        synchronized (this) {
            r = new RecordedRequest(sequence++, connectionId, raw.method(), raw.target(), raw.headers(), raw.body(),
                    format, raw.receivedNanos(), onConnection);
            requests.add(r);
        }
        untaken.add(r);
        return r;
    }

    void exchange(RecordedExchange exchange) {
        synchronized (this) {
            exchanges.add(exchange);
        }
        untakenExchanges.add(exchange);
    }

    synchronized void chatStarted() {
        chatInProgress++;
        peakChatInProgress = Math.max(peakChatInProgress, chatInProgress);
    }

    synchronized void chatEnded() {
        chatInProgress--;
        notifyAll();
    }

    synchronized int chatInProgress() {
        return chatInProgress;
    }

    synchronized int peakChatInProgress() {
        return peakChatInProgress;
    }

    /** Waits until no chat exchange is being served, up to {@code timeout}; @return whether it got there */
    synchronized boolean awaitNoChat(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); chatInProgress > 0; left = end - System.nanoTime()) {
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized int requestCount() {
        return requests.size();
    }

    synchronized List<RecordedExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    Optional<RecordedRequest> takeRequest(Duration timeout) {
        return poll(untaken, timeout);
    }

    Optional<RecordedExchange> takeExchange(Duration timeout) {
        return poll(untakenExchanges, timeout);
    }

    /** Forgets requests and exchanges (taken or not) and restarts the peak from the current count. */
    void clear() {
        synchronized (this) {
            requests.clear();
            exchanges.clear();
            peakChatInProgress = chatInProgress;
        }
        untaken.clear();
        untakenExchanges.clear();
    }

    private static <T> Optional<T> poll(LinkedBlockingQueue<T> queue, Duration timeout) {
        try {
            return Optional.ofNullable(queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
