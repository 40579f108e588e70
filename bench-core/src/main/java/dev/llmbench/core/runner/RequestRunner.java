package dev.llmbench.core.runner;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one request through a provider with the timing engine attached and a total-timeout
 * deadline, and completes a future with the outcome. If a provider ignores the cancel at the
 * deadline, the request is failed by the harness after a grace period, so no request can hang a
 * run. Thread-safe.
 */
final class RequestRunner {
    /** How long a provider gets to honour a cancel before the harness ends the request itself. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    /**
     * The outcome of one request.
     *
     * @param startNanos the ticker reading when the request was sent
     */
    record Outcome(Instant startedAt, long startNanos, RequestTiming timing, ChatResponse response,
            Optional<ProviderError> error) {}

    private final Ticker ticker;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Duration grace;
    private final Set<StreamHandle> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<Boolean>> pauses = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    RequestRunner(Ticker ticker, Clock clock, ScheduledExecutorService scheduler, Duration timeout) {
        this(ticker, clock, scheduler, timeout, CANCEL_GRACE);
    }

    RequestRunner(Ticker ticker, Clock clock, ScheduledExecutorService scheduler, Duration timeout, Duration grace) {
        this.ticker = ticker;
        this.clock = clock;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.grace = grace;
    }

    CompletableFuture<Outcome> send(Provider provider, ChatRequest request) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        Object lock = new Object();
        Instant startedAt = clock.instant();
        long[] startNanos = new long[1];
        TimedListener[] holder = new TimedListener[1];
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        String timeoutMessage = "request exceeded the total timeout of " + timeout.toMillis()
                + " ms; raise it with --timeout if the model is just slow";
        TimedListener timed = new TimedListener(ticker, event -> {
            if (event.terminal()) {
                TimedListener t = holder[0];
                Optional<ProviderError> error = Optional.empty();
                if (event instanceof StreamEvent.Failed f) {
                    ProviderError e = f.error();
                    if (deadlinePassed.get() && e.errorClass() == ErrorClass.TIMEOUT_TOTAL
                            && !e.message().startsWith(timeoutMessage)) {
                        e = new ProviderError(ErrorClass.TIMEOUT_TOTAL, timeoutMessage, e.httpStatusCode(),
                                e.retryAfterMillis());
                    }
                    error = Optional.of(e);
                }
                done.complete(new Outcome(startedAt, startNanos[0], t.timing(), t.response(), error));
            }
        });
        holder[0] = timed;
        StreamListener guarded = event -> {
            synchronized (lock) {
                timed.onEvent(event);
            }
        };
        startNanos[0] = ticker.nanoTime();
        timed.startAt(startNanos[0]);
        StreamHandle handle;
        try {
            handle = provider.stream(request, guarded);
        } catch (RuntimeException e) {
            guarded.onEvent(new StreamEvent.Failed(ProviderError.of(ErrorClass.INTERNAL,
                    "provider " + provider.id() + " threw instead of reporting an error event: " + e)));
            return done;
        }
        if (handle == null) {
            handle = reason -> { };
        }
        StreamHandle h = handle;
        inFlight.add(h);
        ScheduledFuture<?> deadline = scheduler.schedule(() -> {
            deadlinePassed.set(true);
            h.cancel(ErrorClass.TIMEOUT_TOTAL);
            scheduler.schedule(() -> guarded.onEvent(new StreamEvent.Failed(ProviderError.of(ErrorClass.TIMEOUT_TOTAL,
                    timeoutMessage + " (provider " + provider.id() + " ignored the cancel for "
                            + grace.toMillis() + " ms)"))), grace.toNanos(), TimeUnit.NANOSECONDS);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        done.whenComplete((o, e) -> {
            deadline.cancel(false);
            inFlight.remove(h);
        });
        return done;
    }

    /**
     * Completes with true after {@code nanos} (a retry's backoff), or at once with false when
     * {@link #cancelAll()} is called first, so a waiting retry never delays an interrupted run.
     */
    CompletableFuture<Boolean> pause(long nanos) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        pauses.add(f);
        if (cancelled.get()) {
            f.complete(false);
        }
        ScheduledFuture<?> timer = scheduler.schedule(() -> f.complete(true), Math.max(0, nanos), TimeUnit.NANOSECONDS);
        f.whenComplete((v, e) -> {
            timer.cancel(false);
            pauses.remove(f);
        });
        return f;
    }

    /** Whether {@link #cancelAll()} was called. */
    boolean cancelled() {
        return cancelled.get();
    }

    /** Cancels every request in flight with {@link ErrorClass#CANCELLED} and ends every retry wait. */
    void cancelAll() {
        cancelled.set(true);
        for (CompletableFuture<Boolean> p : pauses) {
            p.complete(false);
        }
        for (StreamHandle h : inFlight) {
            try {
                h.cancel(ErrorClass.CANCELLED);
            } catch (RuntimeException e) {
                // a provider's broken cancel must not stop the others; its request ends at the deadline
                org.slf4j.LoggerFactory.getLogger(RequestRunner.class).warn("cancel failed: {}", e.toString());
            }
        }
    }
}
