package dev.llmbench.core.runner;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.core.timing.FakeTicker;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A load-test double that answers synchronously on a {@link FakeTicker}: request {@code n} (0-based,
 * warmup included) waits {@code ttftMs(n)} ms, then streams {@code tokens} tokens 10 ms apart. A
 * synchronous provider holds the dispatcher, so it behaves like a server that serves one request
 * at a time, which makes every queueing delay exact.
 */
final class LoadScriptProvider implements ProviderFactory, Provider {
    final AtomicInteger requests = new AtomicInteger();
    private final FakeTicker ticker;
    private final IntUnaryOperator ttftMs;
    private final int tokens;
    private volatile int failEvery;
    private volatile int hangFrom = Integer.MAX_VALUE;

    LoadScriptProvider(FakeTicker ticker, IntUnaryOperator ttftMs, int tokens) {
        this.ticker = ticker;
        this.ttftMs = ttftMs;
        this.tokens = tokens;
    }

    /**
     * From request {@code n} on (warmup included), never answers until cancelled, then reports
     * the cancel as a failure of the cancel's class.
     */
    LoadScriptProvider hangFrom(int n) {
        this.hangFrom = n;
        return this;
    }

    /** Fails every {@code n}-th request (n, 2n, ...) with a 503. */
    LoadScriptProvider failEvery(int n) {
        this.failEvery = n;
        return this;
    }

    @Override
    public String id() {
        return "loadscript";
    }

    @Override
    public String description() {
        return "load test double";
    }

    @Override
    public Provider create(ProviderConfig config) {
        return this;
    }

    @Override
    public String model() {
        return "m";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.STREAMING, Capability.USAGE);
    }

    @Override
    public synchronized StreamHandle stream(ChatRequest request, StreamListener listener) {
        int n = requests.getAndIncrement();
        if (n >= hangFrom) {
            return reason -> listener.onEvent(new StreamEvent.Failed(ProviderError.of(reason, "cancelled")));
        }
        ticker.advanceMillis(ttftMs.applyAsInt(n));
        if (failEvery > 0 && n > 0 && n % failEvery == 0) {
            listener.onEvent(new StreamEvent.Failed(new ProviderError(ErrorClass.SERVER_ERROR, "scripted 503", 503, -1)));
            return reason -> { };
        }
        listener.onEvent(new StreamEvent.ResponseStarted());
        for (int i = 0; i < tokens; i++) {
            if (i > 0) {
                ticker.advanceMillis(10);
            }
            listener.onEvent(new StreamEvent.ContentDelta("w" + i + " "));
        }
        listener.onEvent(new StreamEvent.Usage(TokenUsage.of(3, tokens)));
        listener.onEvent(new StreamEvent.Completed(FinishReason.STOP));
        return reason -> { };
    }

    @Override
    public void close() {}
}
