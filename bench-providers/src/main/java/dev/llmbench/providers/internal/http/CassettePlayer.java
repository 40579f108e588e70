package dev.llmbench.providers.internal.http;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;

/**
 * Serves a transport's exchanges from cassettes: the N-th request with a given key gets the N-th
 * recording of that key (in recorded order), played through the same {@link Exchange} a live
 * response goes through, so status mapping, parsing, truncation and size checks behave exactly as
 * they did live. Errors the recording ended with that the bytes alone cannot reproduce (a transport
 * failure, a timeout, a cancel) are delivered as recorded. Timeouts are not applied again.
 *
 * <p>Playback runs on a shared scheduler: at once ({@code fast}) or with each chunk at its recorded
 * offset from the send ({@code recorded}; never earlier, possibly a little later). Thread-safe.
 */
final class CassettePlayer {
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private final String provider;
    private final Path dir;
    private final boolean recordedSpeed;
    private final Map<String, List<Path>> files;
    private final ConcurrentHashMap<String, AtomicInteger> used = new ConcurrentHashMap<>();

    CassettePlayer(String provider, Path dir, boolean recordedSpeed) {
        this.provider = provider;
        this.dir = dir;
        this.recordedSpeed = recordedSpeed;
        this.files = CassetteIndex.load(dir).filesByKey(provider);
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "llmbench-replay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    /** Plays the next recording of {@code call} into {@code exchange}; returns at once. */
    void play(HttpCall call, Exchange exchange) {
        String key = Cassette.key(call);
        List<Path> recorded = files.getOrDefault(key, List.of());
        int n = used.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        if (n >= recorded.size()) {
            String why = recorded.isEmpty()
                    ? "none of its recordings matches this request (a changed prompt, model, setting or option?)"
                    : "its " + recorded.size() + " recording(s) of this request are all used";
            ProviderError error = ProviderError.of(ErrorClass.INVALID_REQUEST, "replay: no recording left for "
                    + call.method() + " " + Cassette.pathOf(call.uri()) + " (request key " + key.substring(0, 12)
                    + ", provider " + provider + "): " + dir + " was searched and " + why);
            SCHEDULER.execute(() -> exchange.emit(new StreamEvent.Failed(error)));
            return;
        }
        Playback p = new Playback(recorded.get(n), exchange);
        exchange.attach(p.handle);
        SCHEDULER.execute(p);
    }

    /** One recording being played; re-schedules itself until the next step is due. */
    private final class Playback implements Runnable {
        private final Path file;
        private final Exchange exchange;
        private final CompletableFuture<Void> handle = new CompletableFuture<>();
        private Cassette cassette;
        private int step; // 0 = head, 1..n = chunks, n+1 = end
        private volatile ScheduledFuture<?> pending;

        Playback(Path file, Exchange exchange) {
            this.file = file;
            this.exchange = exchange;
            handle.whenComplete((v, t) -> {
                ScheduledFuture<?> f = pending;
                if (f != null) {
                    f.cancel(false);
                }
            });
        }

        @Override
        public void run() {
            try {
                if (cassette == null) {
                    cassette = Cassette.parse(Json.MAPPER.readTree(file.toFile()));
                    if (cassette.head() == null) {
                        step = 1;
                    }
                }
                int chunks = cassette.chunks().size();
                while (step <= chunks + 1 && !exchange.isEnded() && !handle.isDone()) {
                    long due = dueNanos(step, chunks);
                    long wait = exchange.startNanos() + due - System.nanoTime();
                    if (recordedSpeed && wait > 0) {
                        pending = SCHEDULER.schedule(this, wait, TimeUnit.NANOSECONDS);
                        return;
                    }
                    apply(step++, chunks);
                }
                handle.complete(null);
            } catch (java.io.IOException | RuntimeException e) {
                exchange.emit(new StreamEvent.Failed(ProviderError.of(ErrorClass.MALFORMED_RESPONSE,
                        "replay: recording " + file + " cannot be played: " + ErrorMapper.quote(String.valueOf(e)))));
                handle.complete(null);
            }
        }

        private long dueNanos(int s, int chunks) {
            if (s == 0) {
                return cassette.head().atNanos();
            }
            return s <= chunks ? cassette.chunks().get(s - 1).atNanos() : cassette.end().atNanos();
        }

        private void apply(int s, int chunks) throws java.io.IOException {
            if (s == 0) {
                Cassette.Head h = cassette.head();
                BasicHttpResponse response = new BasicHttpResponse(h.status());
                String contentType = null;
                for (Map.Entry<String, String> e : h.headers()) {
                    response.addHeader(e.getKey(), e.getValue());
                    if (e.getKey().equalsIgnoreCase("content-type")) {
                        contentType = e.getValue();
                    }
                }
                BasicEntityDetails entity = h.hasBody() ? new BasicEntityDetails(-1,
                        contentType == null ? null : ContentType.parseLenient(contentType)) : null;
                exchange.consumeResponse(response, entity, null, null);
            } else if (s <= chunks) {
                exchange.consume(ByteBuffer.wrap(cassette.chunks().get(s - 1).bytes()));
            } else {
                end();
            }
        }

        private void end() {
            Cassette.End end = cassette.end();
            ProviderError recorded = cassette.outcome();
            switch (end.kind()) {
                case EOF -> exchange.streamEnd(List.of());
                case TRANSPORT_FAILURE, STOPPED -> {
                    if (recorded != null) {
                        exchange.failRecorded(recorded);
                    } else {
                        exchange.streamEnd(List.of());
                    }
                }
                default -> throw new IllegalStateException("unknown end " + end.kind());
            }
        }
    }
}
