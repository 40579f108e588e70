package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Talks to a real Ollama server; runs only when {@code OLLAMA_HOST} is set (never by default).
 * The model is {@code LLMBENCH_OLLAMA_MODEL}, else the first model the server lists.
 */
@EnabledIfEnvironmentVariable(named = "OLLAMA_HOST", matches = ".+")
class OllamaLiveIT {
    private static ProviderConfig config(String model) {
        return new ProviderConfig(model, "", Secret.NONE, Duration.ofSeconds(10), Duration.ofSeconds(300), Map.of());
    }

    private static String model() {
        String m = System.getenv("LLMBENCH_OLLAMA_MODEL");
        if (m != null && !m.isBlank()) {
            return m;
        }
        List<ModelInfo> models = new OllamaProviderFactory().listModels(config("ignored"));
        assertThat(models).as("models on the server").isNotEmpty();
        return models.get(0).id();
    }

    @Test
    void listsModels() {
        assertThat(new OllamaProviderFactory().listModels(config("ignored"))).allSatisfy(m ->
                assertThat(m.id()).isNotBlank());
    }

    @Test
    void answersAShortPromptWithUsageAndServerTimings() {
        try (Provider p = new OllamaProviderFactory().create(config(model()))) {
            ChatResponse r = p.chat(ChatRequest.builder().user("Reply with the single word: pong")
                    .sampling(Sampling.DEFAULT.withTemperature(0).withSeed(1).withMaxTokens(256)).build());

            assertThat(r.text() + r.reasoning()).isNotBlank();
            assertThat(r.finishReason()).isIn(FinishReason.STOP, FinishReason.LENGTH);
            assertThat(r.usage().outputTokens()).isPositive();
            assertThat(r.serverTimings().totalNanos()).isPositive();
        }
    }

    @Test
    void honoursJsonFormat() {
        try (Provider p = new OllamaProviderFactory().create(config(model()))) {
            ChatResponse r = p.chat(ChatRequest.builder().user("Give a JSON object with key \"ok\" set to true.")
                    .responseFormat(ResponseFormat.JSON)
                    .sampling(Sampling.DEFAULT.withTemperature(0).withMaxTokens(512)).build());

            assertThat(r.text().strip()).startsWith("{");
        }
    }
}
