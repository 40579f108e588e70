package dev.llmbench.core.runner;

import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.results.TrialKey;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes the plan model by model: warmup requests (journaled as warmup, never as trials), then
 * the pending trials with at most {@code concurrency} in flight (closed loop). Each finished trial
 * is graded, journaled and reported before its permit is released. A cancelled trial (the run
 * was interrupted) is not journaled, so a resume runs it again. Not thread-safe; one per run.
 */
final class TrialExecutor {
    private final RunPlan plan;
    private final Options options;
    private final Journal journal;
    private final RequestRunner requests;
    private final ConversationRunner conversations;
    private final ExecutorService gradingPool;
    private final RunListener listener;
    private final Ticker ticker;
    private final Object listenerLock = new Object();
    private final AtomicBoolean abort = new AtomicBoolean();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong doneThisSession = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private long total;
    private long sessionStart;

    TrialExecutor(RunPlan plan, Options options, Journal journal, RequestRunner requests, ExecutorService gradingPool,
            RunListener listener, Ticker ticker) {
        this.plan = plan;
        this.options = options;
        this.journal = journal;
        this.requests = requests;
        this.conversations = new ConversationRunner(requests, gradingPool, RetryPolicy.of(options));
        this.gradingPool = gradingPool;
        this.listener = listener;
        this.ticker = ticker;
    }

    /** Runs everything pending; returns true when failOnError stopped the run early. */
    boolean execute(Map<ModelSpec, Provider> providers) {
        total = plan.totalTrials();
        long already = options.models().stream().flatMap(m -> plan.keys(m).stream()).filter(journal::contains).count();
        done.set(already);
        sessionStart = ticker.nanoTime();
        listener.runStarted(options.outputDir().orElseThrow(), total, already);
        for (Map.Entry<ModelSpec, Provider> e : providers.entrySet()) {
            List<TrialKey> pending = plan.keys(e.getKey()).stream().filter(k -> !journal.contains(k)).toList();
            if (pending.isEmpty() || abort.get()) {
                continue;
            }
            warmup(e.getKey(), e.getValue());
            runTrials(e.getValue(), pending);
        }
        return abort.get();
    }

    Optional<String> firstError() {
        return Optional.ofNullable(firstError.get());
    }

    private void warmup(ModelSpec spec, Provider provider) {
        BenchTest test = plan.tests().get(0);
        TestCase c = test.cases().get(0);
        for (int i = 0; i < options.warmup(); i++) {
            ChatRequest request = request(new TrialKey(spec.toString(), test.id(), c.id(), 0), -1 - i);
            RequestRunner.Outcome o = await(requests.send(provider, request));
            OptionalDouble latency = o.error().isPresent() ? OptionalDouble.empty()
                    : OptionalDouble.of(o.timing().latencyNanos() / 1e6);
            journal.appendWarmup(spec.toString(), i, latency, o.error().map(x -> x.errorClass().id()).orElse(null));
            synchronized (listenerLock) {
                listener.warmupFinished(spec.toString(), i, latency, o.error());
            }
        }
    }

    private void runTrials(Provider provider, List<TrialKey> pending) {
        Semaphore permits = new Semaphore(options.concurrency());
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        try {
            for (TrialKey key : pending) {
                permits.acquire();
                if (abort.get()) {
                    permits.release();
                    break;
                }
                ChatRequest request = request(key, key.trial());
                TestCase testCase = plan.testCase(key.test(), key.caseId());
                inFlight.add(conversations.run(provider, request, testCase.toolLoop())
                        .thenAcceptAsync(turns -> finish(key, turns), gradingPool)
                        .whenComplete((v, ex) -> permits.release()));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            requests.cancelAll();
            settle(inFlight);
            Thread.currentThread().interrupt();
            throw new RunInterruptedException("run interrupted; finished trials are in the journal, continue with --resume");
        } catch (ExecutionException e) {
            throw new BenchRunException("a trial could not be recorded: " + e.getCause(), e.getCause());
        }
    }

    /** Waits (bounded, ignoring further interrupts) for cancelled requests to settle and be recorded. */
    private static void settle(List<CompletableFuture<Void>> inFlight) {
        long deadline = System.nanoTime() + RequestRunner.CANCEL_GRACE.toNanos() * 2;
        for (CompletableFuture<Void> f : inFlight) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                f.get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // recorded or abandoned; nothing more to wait for
            }
        }
    }

    private void finish(TrialKey key, ConversationRunner.Turns turns) {
        if (turns.last().error().isPresent() && turns.last().error().get().errorClass() == ErrorClass.CANCELLED) {
            return; // interrupted, not measured: a resume runs it again
        }
        TrialRecord record = record(key, turns, plan.test(key.test()), plan.testCase(key.test(), key.caseId()),
                plan::grader);
        Optional<ProviderError> error = record.error();
        if (!journal.appendTrial(record)) {
            return;
        }
        if (error.isPresent()) {
            errors.incrementAndGet();
            if (options.failOnError()) {
                firstError.compareAndSet(null, key + ": " + error.get().errorClass().id() + " " + error.get().message());
                abort.set(true);
            }
        }
        long d = done.incrementAndGet();
        long mine = doneThisSession.incrementAndGet();
        Duration elapsed = Duration.ofNanos(ticker.nanoTime() - sessionStart);
        Optional<Duration> eta = Optional.of(elapsed.multipliedBy(Math.max(0, total - d)).dividedBy(mine));
        synchronized (listenerLock) {
            listener.trialFinished(record, new Progress(d, total, errors.get(), elapsed, eta));
        }
    }

    private ChatRequest request(TrialKey key, long trialSalt) {
        return request(plan.testCase(key.test(), key.caseId()), key, options.seed(), trialSalt);
    }

    /** The request of one trial: the case's request with the harness attributes and the trial's seed. */
    static ChatRequest request(TestCase c, TrialKey key, long runSeed, long trialSalt) {
        ChatRequest.Builder b = c.request().toBuilder()
                .attribute(ChatRequest.ATTR_TEST, key.test())
                .attribute(ChatRequest.ATTR_CASE, key.caseId())
                .attribute(ChatRequest.ATTR_SEED, Long.toString(trialSeed(runSeed, key, trialSalt)));
        c.calibration().reference().ifPresent(ref -> b.attribute(ChatRequest.ATTR_REFERENCE, ref));
        return b.build();
    }

    /**
     * The graded record of a finished conversation: a failed request scores 0 and does not pass; a
     * grader that throws is an {@code internal} error; usage and cost are summed over turns (unknown
     * when any turn did not report them); timings are combined over turns.
     */
    static TrialRecord record(TrialKey key, ConversationRunner.Turns turns, BenchTest test, TestCase c,
            java.util.function.Function<dev.llmbench.core.spi.GraderConfig, dev.llmbench.core.spi.Grader> graders) {
        RequestRunner.Outcome o = turns.last();
        Optional<ProviderError> error = o.error();
        Grade grade = null;
        if (error.isEmpty()) {
            try {
                GradingInput input = c.toolLoop().active()
                        ? new GradingInput(test.id(), c, o.response(), turns.conversation())
                        : new GradingInput(test.id(), c, o.response());
                grade = CaseGrading.grade(test, c, input, graders);
            } catch (RuntimeException ex) {
                error = Optional.of(ProviderError.of(ErrorClass.INTERNAL, "grading failed: " + ex));
            }
        }
        long input = 0;
        double cost = 0;
        for (RequestRunner.Outcome turn : turns.outcomes()) {
            input = input < 0 || turn.response().usage().inputTokens() < 0 ? -1 : input + turn.response().usage().inputTokens();
            cost = cost < 0 || turn.response().usage().costUsd() < 0 ? -1 : cost + turn.response().usage().costUsd();
        }
        return new TrialRecord(key.model(), key.test(), key.caseId(), key.trial(),
                turns.outcomes().get(0).startedAt(), grade == null ? 0 : grade.score(), grade != null && grade.passed(),
                grade == null ? List.of() : grade.checks(), o.response().text(), o.response().reasoning(),
                error.isPresent() ? "" : o.response().finishReason().name().toLowerCase(java.util.Locale.ROOT),
                ConversationRunner.combine(turns.outcomes()), input, cost, error, turns.conversation(), turns.retries());
    }

    /** A per-trial seed mixed from the run seed and the trial's identity (SplitMix64 finaliser). */
    static long trialSeed(long runSeed, TrialKey key, long salt) {
        long h = runSeed;
        for (String s : new String[] {key.model(), key.test(), key.caseId()}) {
            h = mix(h ^ s.hashCode());
        }
        return mix(h ^ salt);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static RequestRunner.Outcome await(CompletableFuture<RequestRunner.Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterruptedException("run interrupted during warmup; continue with --resume");
        } catch (ExecutionException e) {
            throw new BenchRunException("warmup request failed inside the harness: " + e.getCause(), e.getCause());
        }
    }
}
