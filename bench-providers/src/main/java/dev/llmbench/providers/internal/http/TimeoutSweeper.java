package dev.llmbench.providers.internal.http;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeout sweeper of one {@link HttpTransport}: one daemon thread that checks the first-byte,
 * idle and total timeouts of the exchanges in flight. It sweeps every
 * {@code 1/}{@value #DIVISOR} of the shortest timeout in flight, but not more often than every
 * {@value #MIN_MILLIS} ms nor less often than every {@value #MAX_MILLIS} ms, so a timeout fires up
 * to 1 % of itself late (at least 20 ms, at most 1 s). A transport with long timeouts is then
 * not woken 50 times a second for nothing: on a virtual machine each wake-up costs tens of
 * microseconds of CPU, which a latency benchmark pays for in its own figures.
 *
 * <p>Thread-safe. The in-flight map is the transport's (exchange → its sweep interval in ms); the
 * transport adds to it and calls {@link #added} so that an exchange with a short timeout is checked
 * soon enough.
 */
final class TimeoutSweeper {
    /** The shortest interval between sweeps, in milliseconds. */
    static final long MIN_MILLIS = 20;
    /** The longest interval between sweeps, in milliseconds. */
    static final long MAX_MILLIS = 1000;
    /** The interval is the shortest timeout in flight divided by this, then clamped. */
    static final int DIVISOR = 100;
    private static final Logger LOG = LoggerFactory.getLogger(TimeoutSweeper.class);

    private final Map<Exchange, Long> inFlight;
    private final ScheduledExecutorService executor;
    private final Object lock = new Object();
    private ScheduledFuture<?> next; // guarded by lock
    private long seq; // guarded by lock
    private boolean closed; // guarded by lock
    private volatile long intervalMillis = MAX_MILLIS;

    /** Starts the thread, named {@code llmbench-NAME-timeouts}. */
    TimeoutSweeper(String name, Map<Exchange, Long> inFlight) {
        this.inFlight = inFlight;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "llmbench-" + name + "-timeouts");
            t.setDaemon(true);
            return t;
        });
        schedule(MAX_MILLIS);
    }

    /** The sweep interval an exchange of {@code call} needs, in milliseconds. */
    static long intervalMillis(HttpCall call) {
        long shortest = Math.min(call.firstByteTimeout().toMillis(),
                Math.min(call.idleTimeout().toMillis(), call.totalTimeout().toMillis()));
        return Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, shortest / DIVISOR));
    }

    /** The current interval between sweeps, in milliseconds. */
    long intervalMillis() {
        return intervalMillis;
    }

    /** An exchange needing sweeps every {@code interval} ms was put in flight: sweep sooner if needed. */
    void added(long interval) {
        if (interval < intervalMillis) {
            schedule(interval);
        }
    }

    /** Replaces the pending sweep with one {@code delay} ms from now. */
    private void schedule(long delay) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            long mine = ++seq;
            if (next != null) {
                next.cancel(false);
            }
            intervalMillis = delay;
            next = executor.schedule(() -> run(mine), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void run(long mine) {
        synchronized (lock) {
            if (mine != seq) {
                return; // superseded by a sooner sweep
            }
        }
        long now = System.nanoTime();
        long interval = MAX_MILLIS;
        for (Map.Entry<Exchange, Long> e : inFlight.entrySet()) {
            try {
                e.getKey().sweep(now);
            } catch (RuntimeException ex) {
                LOG.warn("timeout sweep failed: {}", ex.toString());
            }
            interval = Math.min(interval, e.getValue());
        }
        synchronized (lock) {
            if (mine == seq) {
                schedule(interval);
            }
        }
    }

    /** Stops the thread; no sweep runs afterwards. */
    void close() {
        synchronized (lock) {
            closed = true;
        }
        executor.shutdownNow();
    }
}
