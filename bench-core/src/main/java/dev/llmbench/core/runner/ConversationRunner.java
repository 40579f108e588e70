package dev.llmbench.core.runner;

import dev.llmbench.core.api.ToolLoop;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.TokenGaps;
import dev.llmbench.core.timing.UsageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs one trial's conversation: a single request, or for a tool-use case the agent loop — after
 * a turn that calls tools, the case's deterministic handlers answer and the model is asked again,
 * up to the loop's turn limit. Thread-safe.
 *
 * <p>Timing of a multi-turn trial: all turns are measured from the first request's start; TTFB,
 * TTFT and TTFR are the first such event in any turn, latency ends with the last turn,
 * inter-token gaps are pooled within turns (never across the tool round trip), output tokens are
 * summed, and the usage source is {@code provider} only when every turn reported usage.
 *
 * <p>Retries (when the {@link RetryPolicy} allows them): a request that failed with a retriable
 * class is sent again after the policy's wait. Only the final attempt of a request is kept: its
 * timing, its start time and its response are what the trial records, so latency distributions
 * hold single requests and never include backoff waits (the trial's {@code retries} count says
 * that more happened, and the run's wall time includes the waits). In a multi-turn trial a
 * retried later turn starts later, so its backoff does fall inside the trial's combined latency.
 */
final class ConversationRunner {
    /** The outcome of a conversation: every turn's outcome and the messages after the request. */
    record Turns(List<RequestRunner.Outcome> outcomes, List<Message> conversation, int retries) {
        Turns(List<RequestRunner.Outcome> outcomes, List<Message> conversation) {
            this(outcomes, conversation, 0);
        }

        RequestRunner.Outcome last() {
            return outcomes.get(outcomes.size() - 1);
        }
    }

    private final RequestRunner requests;
    private final Executor executor;
    private final RetryPolicy retry;

    ConversationRunner(RequestRunner requests, Executor executor) {
        this(requests, executor, RetryPolicy.NONE);
    }

    ConversationRunner(RequestRunner requests, Executor executor, RetryPolicy retry) {
        this.requests = requests;
        this.executor = executor;
        this.retry = retry;
    }

    CompletableFuture<Turns> run(Provider provider, ChatRequest request, ToolLoop loop) {
        long seed = request.attribute(ChatRequest.ATTR_SEED).map(ConversationRunner::parseSeed).orElse(0L);
        return turn(provider, request, loop, new ArrayList<>(), new ArrayList<>(), new int[1], seed);
    }

    private static long parseSeed(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s.hashCode();
        }
    }

    /** Sends {@code request}, again after a wait while the policy allows; counts retries in {@code retries[0]}. */
    private CompletableFuture<RequestRunner.Outcome> send(Provider provider, ChatRequest request, int[] retries,
            long seed) {
        return requests.send(provider, request).thenComposeAsync(o -> {
            if (o.error().isEmpty() || !retry.shouldRetry(o.error().get(), retries[0]) || requests.cancelled()) {
                return CompletableFuture.completedFuture(o);
            }
            long wait = retry.delayNanos(o.error().get(), retries[0], seed);
            retries[0]++;
            return requests.pause(wait).thenComposeAsync(
                    go -> go ? send(provider, request, retries, seed) : CompletableFuture.completedFuture(cancelled(o)),
                    executor);
        }, executor);
    }

    /** {@code o} as cancelled: the run was interrupted during a retry wait, so the trial is not recorded. */
    private static RequestRunner.Outcome cancelled(RequestRunner.Outcome o) {
        return new RequestRunner.Outcome(o.startedAt(), o.startNanos(), o.timing(), o.response(),
                Optional.of(ProviderError.of(ErrorClass.CANCELLED, "run interrupted while waiting to retry")));
    }

    private CompletableFuture<Turns> turn(Provider provider, ChatRequest request, ToolLoop loop,
            List<RequestRunner.Outcome> outcomes, List<Message> conversation, int[] retries, long seed) {
        return send(provider, request, retries, seed).thenComposeAsync(o -> {
            outcomes.add(o);
            boolean more = loop.active() && o.error().isEmpty() && !o.response().toolCalls().isEmpty()
                    && outcomes.size() < loop.maxTurns();
            if (loop.active() && o.error().isEmpty()) {
                conversation.add(Message.assistant(o.response().text(), o.response().toolCalls()));
            }
            if (!more) {
                return CompletableFuture.completedFuture(
                        new Turns(List.copyOf(outcomes), List.copyOf(conversation), retries[0]));
            }
            List<Message> results = loop.results(o.response().toolCalls());
            conversation.addAll(results);
            ChatRequest.Builder next = request.toBuilder();
            next.message(Message.assistant(o.response().text(), o.response().toolCalls()));
            results.forEach(next::message);
            return turn(provider, next.build(), loop, outcomes, conversation, retries, seed);
        }, executor);
    }

    /** One timing for all turns, as the class javadoc defines it. */
    static RequestTiming combine(List<RequestRunner.Outcome> outcomes) {
        if (outcomes.size() == 1) {
            return outcomes.get(0).timing();
        }
        long base = outcomes.get(0).startNanos();
        long ttfb = RequestTiming.ABSENT;
        long ttft = RequestTiming.ABSENT;
        long ttfr = RequestTiming.ABSENT;
        TokenGaps.Builder itl = new TokenGaps.Builder();
        long tokens = 0;
        boolean allProvider = true;
        long latency = 0;
        for (RequestRunner.Outcome o : outcomes) {
            RequestTiming t = o.timing();
            long off = Math.max(0, o.startNanos() - base);
            ttfb = first(ttfb, t.ttfbNanos(), off);
            ttft = first(ttft, t.ttftNanos(), off);
            ttfr = first(ttfr, t.ttfrNanos(), off);
            itl.addAll(t.itlNanos());
            tokens += t.outputTokens();
            allProvider &= t.usageSource() == UsageSource.PROVIDER;
            latency = off + t.latencyNanos();
        }
        return new RequestTiming(ttfb, ttft, ttfr, latency, itl.build(), tokens,
                allProvider ? UsageSource.PROVIDER : UsageSource.COUNTED);
    }

    private static long first(long current, long value, long offset) {
        return current != RequestTiming.ABSENT || value == RequestTiming.ABSENT ? current : value + offset;
    }
}
