package dev.llmbench.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class OpenAiProviderFactoryTest {

    private static UnaryOperator<String> env(Map<String, String> vars) {
        return vars::get;
    }

    private static ChatCompletionsProvider create(Map<String, String> vars, ProviderConfig config) {
        return (ChatCompletionsProvider) new OpenAiProviderFactory(env(vars)).create(config);
    }

    @Test
    void defaultsToOpenAiAndRequiresItsKeyNamingTheVariable() {
        assertThatThrownBy(() -> create(Map.of(), ProviderConfig.of("gpt-4o-mini")))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("api.openai.com")
                .hasMessageNotContaining("\n");
    }

    @Test
    void takesTheKeyFromTheEnvironmentAndPutsItOnlyInTheAuthorizationHeader() {
        try (ChatCompletionsProvider p = create(Map.of("OPENAI_API_KEY", "sk-canary-123"), ProviderConfig.of("gpt-4o-mini"))) {
            assertThat(p.client().headers()).containsEntry("Authorization", "Bearer sk-canary-123");
            assertThat(p.client().toString()).contains("https://api.openai.com/v1/chat/completions")
                    .doesNotContain("sk-canary-123");
            assertThat(p.toString()).doesNotContain("sk-canary-123");
        }
    }

    @Test
    void needsNoKeyForAnotherBaseUrlFromTheEnvironment() {
        try (ChatCompletionsProvider p = create(Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1/"), ProviderConfig.of("llama3.2"))) {
            assertThat(p.client().headers()).doesNotContainKey("Authorization");
            assertThat(p.client().toString()).contains("http://localhost:11434/v1/chat/completions");
        }
    }

    @Test
    void prefersTheConfiguredBaseUrlAndKeyOverTheEnvironment() {
        ProviderConfig config = ProviderConfig.of("m").withBaseUrl("http://127.0.0.1:8000/v1").withApiKey(Secret.of("sk-config"));
        try (ChatCompletionsProvider p = create(Map.of("OPENAI_BASE_URL", "http://elsewhere/v1", "OPENAI_API_KEY", "sk-env"), config)) {
            assertThat(p.client().toString()).contains("http://127.0.0.1:8000/v1/chat/completions");
            assertThat(p.client().headers()).containsEntry("Authorization", "Bearer sk-config");
        }
    }

    @Test
    void rejectsUnknownSettingsAndBadValuesInOneLine() {
        ProviderConfig local = ProviderConfig.of("m").withBaseUrl("http://localhost:1234/v1");
        assertThatThrownBy(() -> create(Map.of(), new ProviderConfig("m", local.baseUrl(), Secret.NONE,
                local.connectTimeout(), local.requestTimeout(), Map.of("num_ctx", "8192"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("unknown setting 'num_ctx'")
                .hasMessageContaining("reasoning_effort");
        assertThatThrownBy(() -> create(Map.of(), ProviderConfig.of("m?idle_timeout=soon").withBaseUrl("http://x/v1")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("idle_timeout")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsABadMaxTokensFieldAndABadExtraBody() {
        assertThatThrownBy(() -> create(Map.of(), ProviderConfig.of("m?max_tokens_field=tokens").withBaseUrl("http://x/v1")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("max_completion_tokens");
        assertThatThrownBy(() -> create(Map.of(), ProviderConfig.of("m?extra_body={oops").withBaseUrl("http://x/v1")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("extra_body is not valid JSON");
        assertThatThrownBy(() -> create(Map.of(), ProviderConfig.of("m?include_usage=maybe").withBaseUrl("http://x/v1")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("include_usage");
    }

    @Test
    void describesItselfHonestly() {
        OpenAiProviderFactory f = new OpenAiProviderFactory();
        assertThat(f.id()).isEqualTo("openai");
        assertThat(f.description()).contains("OPENAI_BASE_URL");
        try (Provider p = create(Map.of(), ProviderConfig.of("m").withBaseUrl("http://x/v1"))) {
            assertThat(p.id()).isEqualTo("openai");
            assertThat(p.model()).isEqualTo("m");
            assertThat(p.capabilities()).contains(Capability.STREAMING, Capability.TOOLS, Capability.USAGE)
                    .doesNotContain(Capability.SERVER_TIMINGS);
        }
    }
}
