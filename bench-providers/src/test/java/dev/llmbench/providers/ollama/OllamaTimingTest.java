package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client-side timings measured through the provider are at least the delays the server was told
 * to use. Only lower bounds are exact; the upper bound is deliberately loose (+2 s) so that a slow
 * CI machine cannot make the test flaky.
 */
class OllamaTimingTest {
    private static final long MS = 1_000_000L;

    @Test
    void measuredTtftAndTimeToLastTokenAreAtLeastTheScriptedDelays() throws Exception {
        Duration first = Duration.ofMillis(300);
        Duration gap = Duration.ofMillis(80);
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.enqueue(Reply.text("one two three four five").delayBeforeFirstChunk(first).interChunkDelay(gap)
                    .usage(10, 5));
            ProviderConfig config = new ProviderConfig("llama3.2", server.ollamaUrl(), Secret.NONE,
                    Duration.ofSeconds(5), Duration.ofSeconds(20), Map.of());
            try (Provider p = new OllamaProviderFactory(name -> null).create(config)) {
                EventRecorder rec = new EventRecorder();
                TimedListener timed = new TimedListener(Ticker.SYSTEM, rec).start();
                p.stream(ChatRequest.ofUser("count"), timed);
                rec.await();

                RequestTiming t = timed.timing();
                assertThat(timed.response().text()).isEqualTo("one two three four five");
                assertThat(t.ttftNanos()).isGreaterThanOrEqualTo(first.toNanos())
                        .isLessThan(first.toNanos() + 2_000 * MS);
                assertThat(t.itlNanos().toArray()).hasSize(4);
                long lastToken = t.ttftNanos() + t.itlNanos().sum();
                // chunk i is written at t0 + first + i * gap, so the last one arrives at least that late
                assertThat(lastToken).isGreaterThanOrEqualTo(first.toNanos() + 4 * gap.toNanos());
                assertThat(t.latencyNanos()).isGreaterThanOrEqualTo(lastToken);
                assertThat(t.outputTokens()).isEqualTo(5);
            }
        }
    }
}
