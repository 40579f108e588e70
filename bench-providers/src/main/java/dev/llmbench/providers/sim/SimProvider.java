package dev.llmbench.providers.sim;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process simulated model behind {@code sim:oracle} and {@code sim:echo}.
 *
 * <p>Streams are played by one scheduler per provider (at most {@value #SCHEDULER_THREADS} daemon
 * threads, created on the first request), never by a thread per request, so thousands of
 * concurrent streams cost little more than their planned events. {@link #close()} stops the
 * scheduler and ends every stream in flight with {@link ErrorClass#CANCELLED}; a request sent
 * after that fails the same way.
 *
 * <p>Thread-safe: the runner sends concurrent requests through one instance.
 */
final class SimProvider implements Provider {
    static final int SCHEDULER_THREADS = 2;

    private static final Set<Capability> CAPABILITIES = Set.of(Capability.STREAMING, Capability.USAGE, Capability.TOOLS);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final String model;
    private final SimSettings settings;
    private final Set<SimStream> inFlight = ConcurrentHashMap.newKeySet();
    private final Object schedulerLock = new Object();
    private ScheduledThreadPoolExecutor scheduler; // guarded by schedulerLock
    private boolean closed; // guarded by schedulerLock

    SimProvider(String model, SimSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    @Override
    public String id() {
        return SimProviderFactory.ID;
    }

    /** The model as configured, including any parameters, e.g. {@code "oracle?tps=50"}. */
    @Override
    public String model() {
        return model;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** The parsed settings. */
    SimSettings settings() {
        return settings;
    }

    @Override
    public StreamHandle stream(ChatRequest request, StreamListener listener) {
        Checks.notNull(request, "request");
        Checks.notNull(listener, "listener");
        SimScript script;
        try {
            script = SimScript.plan(request, settings);
        } catch (RuntimeException e) {
            script = new SimScript(List.of(new SimScript.Step(0, new StreamEvent.Failed(
                    ProviderError.of(ErrorClass.INTERNAL, "sim could not plan the response: " + e)))));
        }
        SimStream stream = new SimStream(this, script, listener);
        inFlight.add(stream);
        stream.start();
        return stream;
    }

    /** Stops the scheduler and ends every stream in flight with {@link ErrorClass#CANCELLED}. Idempotent. */
    @Override
    public void close() {
        ScheduledThreadPoolExecutor toStop;
        synchronized (schedulerLock) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = scheduler;
            scheduler = null;
        }
        if (toStop != null) {
            toStop.shutdownNow();
        }
        for (SimStream stream : new ArrayList<>(inFlight)) {
            stream.terminate(closedError());
        }
    }

    /** The scheduler, created on first use. */
    ScheduledExecutorService scheduler() {
        synchronized (schedulerLock) {
            if (closed) {
                throw new RejectedExecutionException("sim provider is closed");
            }
            if (scheduler == null) {
                scheduler = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, runnable -> {
                    Thread t = new Thread(runnable, "llmbench-sim-" + THREAD_NUMBER.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                scheduler.setRemoveOnCancelPolicy(true);
            }
            return scheduler;
        }
    }

    /** Whether the scheduler has been created; for tests. */
    boolean schedulerStarted() {
        synchronized (schedulerLock) {
            return scheduler != null;
        }
    }

    /** Called by a stream when it has ended. */
    void forget(SimStream stream) {
        inFlight.remove(stream);
    }

    /** The number of streams not yet ended; for tests. */
    int inFlight() {
        return inFlight.size();
    }

    static ProviderError closedError() {
        return ProviderError.of(ErrorClass.CANCELLED, "the sim provider was closed");
    }

    @Override
    public String toString() {
        return "SimProvider[sim:" + model + "]";
    }
}
