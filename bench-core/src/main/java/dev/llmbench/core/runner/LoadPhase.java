package dev.llmbench.core.runner;

import dev.llmbench.core.load.ArrivalSchedule;
import dev.llmbench.core.load.LoadRecord;
import dev.llmbench.core.load.LoadSpec;
import dev.llmbench.core.load.LoadSummary;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.MetricsRecorder;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One model's load phase. A single dispatcher thread (the caller of {@link #run()}) sends every
 * request; completions arrive on the provider's threads and only record and free a slot, so a
 * provider that answers slowly never delays the schedule — it only fills the slots.
 *
 * <p>Both loops share one mechanism, a semaphore of {@code concurrency} slots: the closed loop
 * sends whenever a slot is free until the window closes; the open loop waits for each scheduled
 * arrival, then for a slot, and records the wait as send delay. Taking every slot back at the end
 * waits for the last requests. Not thread-safe; one per phase.
 */
final class LoadPhase {
    /** One request to send: the test and case it came from and the request itself. */
    record Pick(String test, String caseId, ChatRequest request) {}

    private final String model;
    private final Provider provider;
    private final LoadSpec spec;
    private final long seed;
    private final RequestRunner requests;
    private final Ticker ticker;
    private final Pacer pacer;
    private final LongFunction<Pick> picks;
    private final Consumer<LoadRecord> log;
    private final ScheduledExecutorService timer;
    private final LoadListener listener;
    private final Semaphore slots;
    private final MetricsRecorder itl = new MetricsRecorder();
    private final List<LoadRecord> records = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private long start;

    LoadPhase(String model, Provider provider, LoadSpec spec, long seed, RequestRunner requests, Ticker ticker,
            Pacer pacer, LongFunction<Pick> picks, Consumer<LoadRecord> log, ScheduledExecutorService timer,
            LoadListener listener) {
        this.model = model;
        this.provider = provider;
        this.spec = spec;
        this.seed = seed;
        this.requests = requests;
        this.ticker = ticker;
        this.pacer = pacer;
        this.picks = picks;
        this.log = log;
        this.timer = timer;
        this.listener = listener;
        this.slots = new Semaphore(spec.concurrency());
    }

    /**
     * Runs the phase and summarises it.
     *
     * @throws RunInterruptedException when interrupted; the requests in flight are cancelled and
     *         the finished ones are in {@link #partial()}
     */
    LoadSummary run() {
        start = ticker.nanoTime();
        long windowMs = spec.duration().toMillis();
        ScheduledFuture<?> ticks = timer.scheduleAtFixedRate(() -> listener.tick(new LoadListener.Snapshot(model,
                (ticker.nanoTime() - start) / 1_000_000, windowMs, sent.get(), completed.get(), errors.get(),
                inFlight.get())), 1, 1, TimeUnit.SECONDS);
        long scheduled;
        try {
            scheduled = spec.openLoop() ? openLoop() : closedLoop();
            slots.acquire(spec.concurrency()); // the drain: every request has ended
            slots.release(spec.concurrency());
        } catch (InterruptedException e) {
            requests.cancelAll();
            drainQuietly();
            Thread.currentThread().interrupt();
            throw new RunInterruptedException("load run interrupted; the requests that ended are in "
                    + dev.llmbench.core.load.LoadReport.REQUESTS_FILE + " and the partial summary in the result files");
        } finally {
            ticks.cancel(false);
        }
        return summary(scheduled);
    }

    /** The summary of the requests that ended, after an interrupt. */
    LoadSummary partial() {
        return summary(sent.get());
    }

    private LoadSummary summary(long scheduled) {
        synchronized (records) {
            return LoadSummary.of(model, spec, scheduled, new ArrayList<>(records), itl.summary(model, Metric.ITL));
        }
    }

    private long closedLoop() throws InterruptedException {
        long end = start + spec.duration().toNanos();
        long seq = 0;
        while (ticker.nanoTime() < end && (spec.maxRequests() == 0 || seq < spec.maxRequests())) {
            long left = end - ticker.nanoTime();
            if (!slots.tryAcquire(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                break; // the window closed while every user was busy
            }
            if (ticker.nanoTime() >= end) {
                slots.release();
                break;
            }
            send(seq++, ticker.nanoTime());
        }
        return seq;
    }

    private long openLoop() throws InterruptedException {
        ArrivalSchedule schedule = ArrivalSchedule.poisson(spec.rate().getAsDouble(), spec.duration(), seed);
        int n = spec.maxRequests() == 0 ? schedule.size() : (int) Math.min(schedule.size(), spec.maxRequests());
        for (int i = 0; i < n; i++) {
            long intended = start + schedule.offsetNanos(i);
            pacer.awaitUntil(ticker, intended);
            slots.acquire();
            send(i, intended);
        }
        return n;
    }

    private void send(long seq, long intendedNanos) {
        Pick pick = picks.apply(seq);
        inFlight.incrementAndGet();
        sent.incrementAndGet();
        requests.send(provider, pick.request()).whenComplete((o, ex) -> {
            try {
                if (o != null) {
                    finish(seq, pick, intendedNanos, o);
                }
            } finally {
                inFlight.decrementAndGet();
                slots.release();
            }
        });
    }

    private void finish(long seq, Pick pick, long intendedNanos, RequestRunner.Outcome o) {
        Optional<ProviderError> error = o.error();
        if (error.isPresent() && error.get().errorClass() == ErrorClass.CANCELLED) {
            return; // interrupted, not measured
        }
        RequestTiming t = o.timing();
        long sentAt = Math.max(o.startNanos(), intendedNanos);
        LoadRecord r = new LoadRecord(seq, pick.test(), pick.caseId(), intendedNanos - start, sentAt - start,
                sentAt - start + t.latencyNanos(), t.ttftNanos(), t.latencyNanos(),
                t.tpotNanos().isPresent() ? Math.round(t.tpotNanos().getAsDouble()) : -1, t.outputTokens(),
                error.map(e -> e.errorClass().id()), error.map(ProviderError::message).orElse(""));
        if (error.isEmpty()) {
            t.itlNanos().forEach(gap -> itl.recordNanos(model, Metric.ITL, gap));
        } else {
            errors.incrementAndGet();
        }
        synchronized (records) {
            records.add(r);
        }
        completed.incrementAndGet();
        log.accept(r);
    }

    private void drainQuietly() {
        try {
            if (slots.tryAcquire(spec.concurrency(), RequestRunner.CANCEL_GRACE.toNanos() * 2, TimeUnit.NANOSECONDS)) {
                slots.release(spec.concurrency());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
