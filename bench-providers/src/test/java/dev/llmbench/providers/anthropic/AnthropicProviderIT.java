package dev.llmbench.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Talks to the real Messages API. Runs only when {@code ANTHROPIC_API_KEY} is set; the model is
 * {@code ANTHROPIC_IT_MODEL} or {@code claude-haiku-4-5}. Costs a few hundred tokens.
 */
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class AnthropicProviderIT {
    private static final String MODEL = Optional.ofNullable(System.getenv("ANTHROPIC_IT_MODEL")).orElse("claude-haiku-4-5");

    @Test
    void answersAShortPromptWithUsage() {
        try (Provider p = new AnthropicProviderFactory().create(ProviderConfig.of(MODEL))) {
            ChatResponse r = p.chat(ChatRequest.builder().user("Reply with the single word: pong")
                    .sampling(Sampling.DEFAULT.withMaxTokens(20).withTemperature(0)).build());
            assertThat(r.text().toLowerCase()).contains("pong");
            assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(r.usage().inputTokens()).isPositive();
            assertThat(r.usage().outputTokens()).isPositive();
        }
    }

    @Test
    void callsATool() {
        try (Provider p = new AnthropicProviderFactory().create(ProviderConfig.of(MODEL))) {
            ChatResponse r = p.chat(ChatRequest.builder().user("What is the weather in Paris? Use the tool.")
                    .tool(new ToolDefinition("get_weather", "Current weather for a city",
                            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"))
                    .sampling(Sampling.DEFAULT.withMaxTokens(200)).build());
            assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
            assertThat(r.toolCalls()).isNotEmpty();
            assertThat(r.toolCalls().get(0).name()).isEqualTo("get_weather");
            assertThat(r.toolCalls().get(0).argumentsJson()).contains("Paris");
        }
    }

    @Test
    void listsModels() {
        List<ModelInfo> models = new AnthropicProviderFactory().listModels(ProviderConfig.of("ignored"));
        assertThat(models).isNotEmpty();
    }
}
