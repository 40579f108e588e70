package dev.llmbench.providers.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.providers.openai.Capture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Talks to the real OpenRouter with {@code OPENROUTER_API_KEY}; the model is
 * {@code LLMBENCH_OPENROUTER_MODEL}, default {@code openai/gpt-4o-mini}. Costs a fraction of a
 * cent per run. Never runs by default.
 */
@EnabledIfEnvironmentVariable(named = "OPENROUTER_API_KEY", matches = ".+")
class OpenRouterProviderIT {
    private static String model() {
        String m = System.getenv("LLMBENCH_OPENROUTER_MODEL");
        return m == null || m.isBlank() ? "openai/gpt-4o-mini" : m;
    }

    @Test
    void answersWithUsageAndCost() throws Exception {
        try (Provider p = new OpenRouterProviderFactory().create(ProviderConfig.of(model())
                .withRequestTimeout(Duration.ofSeconds(120)))) {
            Capture c = new Capture();
            p.stream(ChatRequest.builder().user("Reply with exactly one word: pong")
                    .sampling(Sampling.DEFAULT.withTemperature(0).withMaxTokens(200)).build(), c);
            ChatResponse r = c.await().response();
            assertThat(c.terminal()).as("events %s", c.events()).isNotInstanceOf(StreamEvent.Failed.class);
            assertThat(r.text().toLowerCase()).contains("pong");
            assertThat(r.usage().outputTokens()).isPositive();
            assertThat(r.usage().costUsd()).isGreaterThanOrEqualTo(0);
            assertThat(c.events().stream().filter(StreamEvent.Usage.class::isInstance)).hasSize(1);
        }
    }

    @Test
    void listsModelsWithPrices() {
        List<ModelInfo> models = new OpenRouterProviderFactory().listModels(ProviderConfig.of("any"));
        assertThat(models).isNotEmpty();
        assertThat(models).anySatisfy(m -> assertThat(m.promptPrice()).isPresent());
    }
}
