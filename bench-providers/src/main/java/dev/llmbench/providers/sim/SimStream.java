package dev.llmbench.providers.sim;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-flight simulated response: plays a {@link SimScript} on the provider's shared scheduler,
 * one scheduled task at a time, each at its absolute deadline measured from the start of the
 * request (so scheduling delays never accumulate into drift).
 *
 * <p>Thread-safe. Every delivery happens under one lock, which gives the listener its contract:
 * events in order, never concurrently, with happens-before between calls, and exactly one
 * terminal event, even when {@link #cancel} races with natural completion. A cancel issued from
 * inside the listener is deferred until the listener returns, so calls never nest.
 */
final class SimStream implements StreamHandle {
    /** Events delivered in one task before yielding the scheduler thread to other streams. */
    private static final int MAX_BATCH = 256;

    private final SimProvider owner;
    private final List<SimScript.Step> steps;
    private final StreamListener listener;
    private final long startNanos;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private int next;
    private boolean ended;
    private boolean delivering;
    private ProviderError deferredCancel;
    private ScheduledFuture<?> pending;

    SimStream(SimProvider owner, SimScript script, StreamListener listener) {
        this.owner = owner;
        this.steps = script.steps();
        this.listener = listener;
        this.startNanos = System.nanoTime();
    }

    /** Schedules the first event; never delivers on the calling thread. */
    void start() {
        lock.lock();
        try {
            if (!ended) {
                schedule(deadlineOf(0) - System.nanoTime());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void cancel(ErrorClass reason) {
        ErrorClass errorClass = reason == null ? ErrorClass.CANCELLED : reason;
        terminate(ProviderError.of(errorClass, "request cancelled by the caller (" + errorClass.id() + ")"));
    }

    /** Ends the stream with {@code error} unless it has ended already. Idempotent and thread-safe. */
    void terminate(ProviderError error) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            cancelPending();
            if (delivering) {
                // Called from inside the listener: deliver once it has returned.
                if (deferredCancel == null) {
                    deferredCancel = error;
                }
                return;
            }
            deliver(new StreamEvent.Failed(error));
        } finally {
            lock.unlock();
        }
    }

    /** Delivers every event that is due, then schedules the task again for the next deadline. */
    private void run() {
        lock.lock();
        try {
            pending = null;
            int batch = 0;
            while (!ended && next < steps.size()) {
                long wait = deadlineOf(next) - System.nanoTime();
                if (wait > 0 || batch == MAX_BATCH) {
                    schedule(wait);
                    return;
                }
                StreamEvent event = steps.get(next++).event();
                deliver(event);
                batch++;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Calls the listener; the caller holds the lock. */
    private void deliver(StreamEvent event) {
        if (event.terminal()) {
            ended = true;
            cancelPending();
            owner.forget(this);
        }
        delivering = true;
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            if (!ended && deferredCancel == null) {
                deferredCancel = ProviderError.of(ErrorClass.INTERNAL,
                        "the stream listener threw " + e.getClass().getName() + " on " + event);
            }
        } finally {
            delivering = false;
        }
        if (!ended && deferredCancel != null) {
            ProviderError error = deferredCancel;
            deferredCancel = null;
            deliver(new StreamEvent.Failed(error));
        }
    }

    private void schedule(long delayNanos) {
        try {
            pending = owner.scheduler().schedule(this::run, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            deliver(new StreamEvent.Failed(SimProvider.closedError()));
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private long deadlineOf(int index) {
        return startNanos + steps.get(index).atNanos();
    }
}
