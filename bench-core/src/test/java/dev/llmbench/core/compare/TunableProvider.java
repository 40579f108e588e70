package dev.llmbench.core.compare;

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
import java.util.SplittableRandom;

/**
 * A provider for comparison tests whose behaviour is chosen by the model name, answering
 * synchronously on a {@link FakeTicker} so every latency is exact: {@code good} answers the
 * calibration reference; {@code bad} answers "nothing"; {@code coin} answers the reference or
 * "nothing" at random; {@code flaky} fails 90% of requests; {@code slow} is {@code good} with a 3×
 * longer first token. Every delay varies by ±10%, so latencies have a spread. Random draws are
 * seeded by the trial's seed ({@link ChatRequest#ATTR_SEED}, mixed by the runner from the run's
 * seed), so a run is reproducible and runs with different seeds differ.
 */
final class TunableProvider implements ProviderFactory {
    private final FakeTicker ticker;

    TunableProvider(FakeTicker ticker) {
        this.ticker = ticker;
    }

    @Override
    public String id() {
        return "tunable";
    }

    @Override
    public String description() {
        return "test double for comparisons";
    }

    @Override
    public Provider create(ProviderConfig config) {
        return new Instance(config.model());
    }

    private final class Instance implements Provider {
        private final String model;

        Instance(String model) {
            this.model = model;
        }

        @Override
        public String id() {
            return "tunable";
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.STREAMING, Capability.USAGE);
        }

        @Override
        public synchronized StreamHandle stream(ChatRequest request, StreamListener listener) {
            String reference = request.attribute(ChatRequest.ATTR_REFERENCE).orElse("no reference");
            SplittableRandom random = new SplittableRandom(
                    request.attribute(ChatRequest.ATTR_SEED).map(Long::parseLong).orElse(1L));
            double jitter = 0.9 + 0.2 * random.nextDouble();
            if (model.equals("flaky") && random.nextDouble() < 0.9) {
                ticker.advanceNanos(Math.round(50_000_000 * jitter));
                listener.onEvent(new StreamEvent.Failed(ProviderError.of(ErrorClass.SERVER_ERROR, "flaky")));
                return reason -> { };
            }
            String text = switch (model) {
                case "bad" -> "nothing";
                case "coin" -> random.nextBoolean() ? reference : "nothing";
                default -> reference;
            };
            long ttft = model.equals("slow") ? 300_000_000L : 100_000_000L;
            ticker.advanceNanos(Math.round(ttft * jitter));
            listener.onEvent(new StreamEvent.ResponseStarted());
            String[] words = text.split("(?<= )");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    ticker.advanceNanos(Math.round(10_000_000 * jitter));
                }
                listener.onEvent(new StreamEvent.ContentDelta(words[i]));
            }
            listener.onEvent(new StreamEvent.Usage(TokenUsage.of(5, words.length)));
            listener.onEvent(new StreamEvent.Completed(FinishReason.STOP));
            return reason -> { };
        }

        @Override
        public void close() {}
    }
}
