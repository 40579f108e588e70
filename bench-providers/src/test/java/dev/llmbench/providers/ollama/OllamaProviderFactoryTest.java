package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OllamaProviderFactoryTest {
    private static ProviderConfig config(String baseUrl, Map<String, String> extras) {
        return new ProviderConfig("gemma3:4b", baseUrl, Secret.NONE, Duration.ofSeconds(5), Duration.ofSeconds(60),
                extras);
    }

    @Test
    void takesTheBaseUrlFromConfigThenOllamaHostThenTheDefault() {
        Map<String, String> env = Map.of("OLLAMA_HOST", "0.0.0.0:11500");
        assertThat(OllamaSettings.resolve(config("gpu-box", Map.of()), env::get).http().baseUrl())
                .hasToString("http://gpu-box:11434");
        assertThat(OllamaSettings.resolve(config("", Map.of()), env::get).http().baseUrl())
                .hasToString("http://127.0.0.1:11500");
        assertThat(OllamaSettings.resolve(config("", Map.of()), name -> null).http().baseUrl())
                .hasToString("http://127.0.0.1:11434");
    }

    @Test
    void needsNoKeyButReadsOllamaApiKeyForCloud() {
        assertThat(OllamaSettings.resolve(config("", Map.of()), name -> null).http().apiKey().isPresent()).isFalse();
        Map<String, String> env = Map.of("OLLAMA_API_KEY", "sk-canary-123");
        assertThat(OllamaSettings.resolve(config("", Map.of()), env::get).http().apiKey().reveal())
                .hasValue("sk-canary-123");
    }

    @Test
    void rejectsAnUnknownExtraInOneLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> new OllamaProviderFactory(name -> null).create(config("", Map.of("num_cxt", "8192"))))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("num_cxt").hasMessageContaining("num_ctx").hasMessageNotContaining("\n");
    }

    @Test
    void rejectsABadOptionValueBeforeAnyRequest() {
        assertThatThrownBy(() -> new OllamaProviderFactory(name -> null).create(config("", Map.of("top_p", "high"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("top_p must be a number");
        assertThatThrownBy(() -> new OllamaProviderFactory(name -> null).create(config("", Map.of("think", "maybe"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("think must be");
        assertThatThrownBy(() -> new OllamaProviderFactory(name -> null).create(config("", Map.of("keep_alive", "soon"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("keep_alive");
        assertThatThrownBy(() -> new OllamaProviderFactory(name -> null).create(config("", Map.of("num_ctx_max", "-1"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("num_ctx_max");
    }

    @Test
    void createsAProviderWithoutContactingTheServer() {
        try (var p = new OllamaProviderFactory(name -> null).create(config("127.0.0.1:1", Map.of()))) {
            assertThat(p.id()).isEqualTo("ollama");
            assertThat(p.model()).isEqualTo("gemma3:4b");
        }
    }
}
