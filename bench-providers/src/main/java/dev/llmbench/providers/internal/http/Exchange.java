package dev.llmbench.providers.internal.http;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed HTTP exchange: consumes the response body incrementally on the I/O thread, hands
 * 2xx bodies to a {@link BodyHandler}, turns error statuses, transport failures, timeouts, size
 * overruns and cancels into exactly one terminal {@link StreamEvent.Failed}.
 *
 * <p>Thread-safe: I/O callbacks, the timeout sweeper and {@link #cancel} may race; every delivery
 * to the listener happens under one lock, so the listener sees events in order, never
 * concurrently, and exactly one terminal event.
 */
final class Exchange implements AsyncResponseConsumer<Void>, StreamHandle, BodyHandler.Emitter {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final HttpCall call;
    private final BodyHandler handler;
    private final StreamListener listener;
    private final ErrorMapper errors;
    private final Runnable onDone;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<Future<?>> future = new AtomicReference<>();
    private final long startNanos = System.nanoTime();

    private volatile long lastActivityNanos = startNanos;
    private volatile boolean headArrived;
    private volatile boolean ended; // written under lock
    private boolean aborted; // guarded by lock
    private long bytes;
    private int status;
    private Map<String, String> headers = Map.of();
    private java.io.ByteArrayOutputStream errorBytes;

    Exchange(HttpCall call, BodyHandler handler, StreamListener listener, ErrorMapper errors, Runnable onDone) {
        this.call = call;
        this.handler = handler;
        this.listener = listener;
        this.errors = errors;
        this.onDone = onDone;
    }

    void attach(Future<?> f) {
        future.set(f);
        boolean abort;
        lock.lock();
        try {
            abort = aborted;
        } finally {
            lock.unlock();
        }
        if (abort) {
            f.cancel(true);
        }
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
            FutureCallback<Void> callback) {
        lastActivityNanos = System.nanoTime();
        headArrived = true;
        status = response.getCode();
        Map<String, String> h = new HashMap<>();
        for (Header header : response.getHeaders()) {
            h.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        headers = h;
        lock.lock();
        try {
            if (ended) {
                return;
            }
            if (status >= 400) {
                errorBytes = new java.io.ByteArrayOutputStream();
            } else if (status < 200 || status >= 300) {
                fail(new ProviderError(ErrorClass.MALFORMED_RESPONSE, errors.scrub(
                        "unexpected HTTP status " + status + " from " + call.uri()), status, -1), true);
            } else {
                emit(new StreamEvent.ResponseStarted());
                handler.onHead(status, headers, this);
            }
        } catch (RuntimeException e) {
            malformed(e);
        } finally {
            lock.unlock();
        }
        if (entity == null) {
            streamEnd(List.of());
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        lastActivityNanos = System.nanoTime();
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws java.io.IOException {
        channel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) {
        lastActivityNanos = System.nanoTime();
        int n = src.remaining();
        lock.lock();
        try {
            bytes += n;
            if (ended) {
                src.position(src.limit());
                return;
            }
            if (bytes > call.maxResponseBytes()) {
                src.position(src.limit());
                fail(new ProviderError(ErrorClass.RESPONSE_TOO_LARGE, errors.scrub(call.uri().getHost()
                        + " sent more than " + call.maxResponseBytes() + " response bytes; the request was stopped"),
                        status, -1), true);
                return;
            }
            if (errorBytes != null) {
                byte[] chunk = new byte[n];
                src.get(chunk);
                if (errorBytes.size() < ERROR_BODY_LIMIT) {
                    errorBytes.write(chunk, 0, Math.min(n, ERROR_BODY_LIMIT - errorBytes.size()));
                }
                return;
            }
            handler.onBytes(src, this);
        } catch (RuntimeException e) {
            src.position(src.limit());
            malformed(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        lastActivityNanos = System.nanoTime();
        lock.lock();
        try {
            if (ended) {
                return;
            }
            if (errorBytes != null) {
                String body = new String(errorBytes.toByteArray(), StandardCharsets.UTF_8);
                fail(errors.http(status, headers, body), false);
                return;
            }
            handler.onEnd(this);
            if (!ended) {
                fail(new ProviderError(ErrorClass.TRUNCATED_STREAM, errors.scrub(call.uri().getHost()
                        + " ended the response after " + bytes + " bytes without its end-of-stream marker"), status, -1),
                        false);
            }
        } catch (RuntimeException e) {
            malformed(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void failed(Exception cause) {
        lock.lock();
        try {
            if (!ended) {
                fail(errors.transport(cause, call.uri().toString(), headArrived, bytes), false);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void releaseResources() {
        // nothing pooled here; buffers are dropped with the exchange
    }

    @Override
    public void cancel(ErrorClass reason) {
        ErrorClass c = reason == null ? ErrorClass.CANCELLED : reason;
        lock.lock();
        try {
            if (!ended) {
                fail(ProviderError.of(c, "request to " + call.uri().getHost() + " cancelled by the caller (" + c.id() + ")"),
                        true);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Checks the timeouts; called periodically by the transport's sweeper. */
    void sweep(long now) {
        if (ended) {
            return;
        }
        ProviderError timeout = null;
        if (now - startNanos > call.totalTimeout().toNanos()) {
            timeout = ProviderError.of(ErrorClass.TIMEOUT_TOTAL, "no complete response from " + call.uri().getHost()
                    + " within the total timeout of " + call.totalTimeout().toMillis() + " ms");
        } else if (!headArrived && now - startNanos > call.firstByteTimeout().toNanos()) {
            timeout = ProviderError.of(ErrorClass.TIMEOUT_FIRST_BYTE, "no response from " + call.uri().getHost()
                    + " within the first-byte timeout of " + call.firstByteTimeout().toMillis() + " ms");
        } else if (headArrived && now - lastActivityNanos > call.idleTimeout().toNanos()) {
            timeout = ProviderError.of(ErrorClass.TIMEOUT_IDLE, call.uri().getHost() + " sent nothing for "
                    + call.idleTimeout().toMillis() + " ms (idle timeout) after " + bytes + " bytes");
        }
        if (timeout != null) {
            lock.lock();
            try {
                if (!ended) {
                    fail(timeout, true);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    boolean isEnded() {
        return ended;
    }

    /** When the request was sent ({@link System#nanoTime()}): the origin of recorded offsets. */
    long startNanos() {
        return startNanos;
    }

    /**
     * Ends a replayed exchange with the error its recording ended with (a transport failure, a
     * timeout, a cancel), unless it has ended already. Does not abort anything.
     */
    void failRecorded(ProviderError error) {
        lock.lock();
        try {
            if (!ended) {
                fail(new ProviderError(error.errorClass(), errors.scrub(error.message()), error.httpStatusCode(),
                        error.retryAfterMillis()), false);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void emit(StreamEvent event) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            if (event.terminal()) {
                ended = true;
                onDone.run();
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("stream listener threw on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean ended() {
        return ended;
    }

    /** Delivers a terminal failure; with {@code abort}, also stops the HTTP exchange. Caller holds the lock. */
    private void fail(ProviderError error, boolean abort) {
        emit(new StreamEvent.Failed(error));
        if (abort) {
            aborted = true;
            Future<?> f = future.get();
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    private void malformed(RuntimeException e) {
        String what;
        if (e instanceof BodyHandler.MalformedResponseException || e instanceof LineDecoder.LineTooLongException) {
            what = e.getMessage();
        } else if (e.getCause() instanceof CharacterCodingException) {
            what = "the response is not valid UTF-8";
        } else {
            what = "the response could not be parsed (" + e + ")";
        }
        fail(new ProviderError(ErrorClass.MALFORMED_RESPONSE, errors.scrub(call.uri().getHost() + ": " + what),
                status, -1), true);
    }
}
