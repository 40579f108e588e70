package dev.llmbench.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Talks to a real OpenAI-compatible server: OpenAI itself with {@code OPENAI_API_KEY}, or a local
 * server with {@code OPENAI_BASE_URL} (set {@code OPENAI_API_KEY} to any value to enable the test).
 * The model is {@code LLMBENCH_OPENAI_MODEL}, default {@code gpt-4o-mini}. Never runs by default.
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiProviderIT {
    private static String model() {
        String m = System.getenv("LLMBENCH_OPENAI_MODEL");
        return m == null || m.isBlank() ? "gpt-4o-mini" : m;
    }

    private static Provider provider() {
        return new OpenAiProviderFactory().create(ProviderConfig.of(model()).withRequestTimeout(Duration.ofSeconds(120)));
    }

    @Test
    void answersAndReportsUsage() throws Exception {
        try (Provider p = provider()) {
            Capture c = new Capture();
            p.stream(ChatRequest.builder().user("Reply with exactly one word: pong")
                    .sampling(Sampling.DEFAULT.withTemperature(0).withMaxTokens(200)).build(), c);
            ChatResponse r = c.await().response();
            assertThat(c.terminal()).as("events %s", c.events()).isNotInstanceOf(dev.llmbench.core.model.StreamEvent.Failed.class);
            assertThat(r.text().toLowerCase()).contains("pong");
            assertThat(r.usage().outputTokens()).isPositive();
        }
    }

    @Test
    void callsATool() throws Exception {
        try (Provider p = provider()) {
            Capture c = new Capture();
            p.stream(ChatRequest.builder().user("What is the weather in Paris? Use the tool.")
                    .tool(new ToolDefinition("get_weather", "Current weather for a city.",
                            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"))
                    .build(), c);
            ChatResponse r = c.await().response();
            assertThat(r.finishReason()).as("events %s", c.events()).isEqualTo(FinishReason.TOOL_CALLS);
            assertThat(r.toolCalls()).first().satisfies(t -> assertThat(t.argumentsJson()).containsIgnoringCase("paris"));
        }
    }

    @Test
    void listsModels() {
        assertThat(new OpenAiProviderFactory().listModels(ProviderConfig.of("any"))).isNotEmpty();
    }
}
