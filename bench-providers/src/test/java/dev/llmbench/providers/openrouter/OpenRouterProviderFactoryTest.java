package dev.llmbench.providers.openrouter;

import dev.llmbench.providers.openai.ChatCompletionsProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.http.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenRouterProviderFactoryTest {

    private static ChatCompletionsProvider create(Map<String, String> env, ProviderConfig config) {
        return (ChatCompletionsProvider) new OpenRouterProviderFactory(env::get).create(config);
    }

    @Test
    void requiresAKeyNamingTheVariable() {
        assertThatThrownBy(() -> create(Map.of(), ProviderConfig.of("openai/gpt-4o-mini")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("OPENROUTER_API_KEY")
                .hasMessageNotContaining("\n");
    }

    @Test
    void talksToOpenRouterWithTheKeyFromTheEnvironment() {
        try (ChatCompletionsProvider p = create(Map.of("OPENROUTER_API_KEY", "sk-or-canary-123"), ProviderConfig.of("openai/gpt-4o-mini"))) {
            assertThat(p.toString()).contains("https://openrouter.ai/api/v1/chat/completions");
            assertThat(p.id()).isEqualTo("openrouter");
            assertThat(p.model()).isEqualTo("openai/gpt-4o-mini");
            assertThat(p.capabilities()).contains(Capability.USAGE, Capability.REASONING, Capability.TOOLS);
            assertThat(p.toString()).doesNotContain("sk-or-canary-123");
        }
    }

    @Test
    void sendsTheTitleByDefaultAndAReferrerOnlyWhenOneIsConfigured() {
        assertThat(OpenRouterProviderFactory.headers(Map.of()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("X-Title", "llmbench", "X-OpenRouter-Title", "llmbench"));
        assertThat(OpenRouterProviderFactory.headers(Map.of("site_url", "https://example.org", "site_name", "Mine")))
                .containsEntry("HTTP-Referer", "https://example.org").containsEntry("X-Title", "Mine")
                .containsEntry("X-OpenRouter-Title", "Mine");
    }

    @Test
    void rejectsRoutingPreferencesThatAreNotAJsonObject() {
        ProviderConfig c = new ProviderConfig("openai/gpt-4o-mini", "", Secret.of("k"), java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(5), Map.of("provider", "groq"));
        assertThatThrownBy(() -> create(Map.of(), c)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageStartingWith("provider 'openrouter': provider is not valid JSON");
    }

    @Test
    void rejectsUnknownSettings() {
        assertThatThrownBy(() -> create(Map.of("OPENROUTER_API_KEY", "k"), ProviderConfig.of("a/b?num_ctx=4096")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("unknown setting 'num_ctx'")
                .hasMessageContaining("site_url");
    }

    @Test
    void parsesDecimalStringPricesAndTreatsRouterPseudoPricesAsUnknown() throws Exception {
        List<ModelInfo> models = OpenRouterModelLister.parse(Json.MAPPER.readTree("""
                {"data":[
                  {"id":"openai/gpt-4","name":"OpenAI: GPT-4","context_length":8191,
                   "architecture":{"modality":"text->text"},
                   "pricing":{"prompt":"0.00003","completion":"0.00006","request":"0"},
                   "top_provider":{"context_length":8191,"max_completion_tokens":4096,"is_moderated":true},
                   "supported_parameters":["tools","temperature"]},
                  {"id":"openrouter/auto","pricing":{"prompt":"-1","completion":"-1"}},
                  {"name":"no id"}
                ]}
                """));

        assertThat(models).extracting(ModelInfo::id).containsExactly("openai/gpt-4", "openrouter/auto");
        ModelInfo gpt4 = models.get(0);
        assertThat(gpt4.contextLength()).isEqualTo(8191);
        assertThat(gpt4.promptUsdPerToken()).isEqualTo(0.00003);
        assertThat(gpt4.completionUsdPerToken()).isEqualTo(0.00006);
        assertThat(gpt4.details()).containsEntry("name", "OpenAI: GPT-4").containsEntry("max_completion_tokens", "4096")
                .containsEntry("supported_parameters", "tools,temperature").containsEntry("modality", "text->text");
        assertThat(models.get(1).promptPrice()).isEmpty();
        assertThat(models.get(1).context()).isEmpty();
    }
}
