package dev.llmbench.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AnthropicProviderFactoryTest {
    private static final String KEY = "sk-canary-123";

    private static ProviderConfig config(Map<String, String> extras) {
        ProviderConfig c = ProviderConfig.of("claude-test");
        return new ProviderConfig(c.model(), c.baseUrl(), c.apiKey(), c.connectTimeout(), c.requestTimeout(), extras);
    }

    private static AnthropicProviderFactory factory(Map<String, String> env) {
        return new AnthropicProviderFactory(env::get);
    }

    @Test
    void hasTheIdAnthropic() {
        assertThat(new AnthropicProviderFactory().id()).isEqualTo("anthropic");
        assertThat(new AnthropicProviderFactory().description()).contains("ANTHROPIC_API_KEY");
    }

    @Test
    void missingKeyIsAOneLineConfigurationErrorNamingTheVariable() {
        assertThatThrownBy(() -> factory(Map.of()).create(config(Map.of())))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY").hasMessageNotContaining("\n");
    }

    @Test
    void readsKeyAndBaseUrlFromTheEnvironment() {
        AnthropicSettings s = AnthropicSettings.resolve(config(Map.of()),
                Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", "http://localhost:9999/")::get);
        assertThat(s.http().apiKey()).isEqualTo(Secret.of(KEY));
        assertThat(s.http().resolve("/v1/messages").toString()).isEqualTo("http://localhost:9999/v1/messages");
        assertThat(s.toString()).doesNotContain(KEY);
    }

    @Test
    void configKeyAndUrlWinOverTheEnvironment() {
        ProviderConfig c = config(Map.of()).withApiKey(Secret.of("sk-config")).withBaseUrl("http://127.0.0.1:1234");
        AnthropicSettings s = AnthropicSettings.resolve(c, Map.of("ANTHROPIC_API_KEY", KEY,
                "ANTHROPIC_BASE_URL", "http://localhost:9999")::get);
        assertThat(s.http().apiKey()).isEqualTo(Secret.of("sk-config"));
        assertThat(s.http().baseUrl().toString()).isEqualTo("http://127.0.0.1:1234");
    }

    @Test
    void defaultsToTheOfficialEndpointAndApiVersion() {
        AnthropicSettings s = AnthropicSettings.resolve(config(Map.of()), Map.of("ANTHROPIC_API_KEY", KEY)::get);
        assertThat(s.http().baseUrl().toString()).isEqualTo("https://api.anthropic.com");
        assertThat(s.version()).isEqualTo("2023-06-01");
        assertThat(s.defaultMaxTokens()).isEqualTo(4096);
        assertThat(s.thinkingBudget()).isZero();
    }

    @Test
    void rejectsUnknownSettingsListingTheKnownOnes() {
        assertThatThrownBy(() -> factory(Map.of("ANTHROPIC_API_KEY", KEY)).create(config(Map.of("num_ctx", "8192"))))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("num_ctx").hasMessageContaining("thinking_budget");
    }

    @Test
    void rejectsBadValuesEagerly() {
        AnthropicProviderFactory f = factory(Map.of("ANTHROPIC_API_KEY", KEY));
        assertThatThrownBy(() -> f.create(config(Map.of("thinking_budget", "100"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("thinking_budget");
        assertThatThrownBy(() -> f.create(config(Map.of("max_tokens", "-3"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("max_tokens");
        assertThatThrownBy(() -> f.create(config(Map.of("structured_outputs", "yes"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("structured_outputs");
        assertThatThrownBy(() -> f.create(config(Map.of("top_p", "2"))))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("top_p");
    }

    @Test
    void capabilitiesAreHonest() {
        AnthropicProviderFactory f = factory(Map.of("ANTHROPIC_API_KEY", KEY));
        try (Provider p = f.create(config(Map.of()))) {
            assertThat(p.id()).isEqualTo("anthropic");
            assertThat(p.model()).isEqualTo("claude-test");
            assertThat(p.capabilities()).containsExactlyInAnyOrder(Capability.STREAMING, Capability.TOOLS,
                    Capability.REASONING, Capability.USAGE);
            assertThat(p.toString()).doesNotContain(KEY);
        }
        try (Provider p = f.create(config(Map.of("structured_outputs", "native")))) {
            assertThat(p.capabilities()).contains(Capability.JSON_SCHEMA).doesNotContain(Capability.JSON_MODE);
        }
    }

    @Test
    void headersCarryTheKeyVersionAndOptionalBeta() {
        AnthropicSettings s = AnthropicSettings.resolve(config(Map.of("anthropic_beta", "b1,b2")),
                Map.of("ANTHROPIC_API_KEY", KEY)::get);
        assertThat(AnthropicProvider.headers(s)).containsEntry("x-api-key", KEY)
                .containsEntry("anthropic-version", "2023-06-01").containsEntry("content-type", "application/json")
                .containsEntry("anthropic-beta", "b1,b2");
    }

    @Test
    void isDiscoverableOnceRegistered() {
        // registration in META-INF/services is done by the maintainers; until then this only checks the shape
        boolean registered = ServiceLoader.load(ProviderFactory.class).stream()
                .anyMatch(p -> p.type() == AnthropicProviderFactory.class);
        if (registered) {
            assertThat(ServiceLoader.load(ProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                    .filter(f -> f.id().equals("anthropic")).toList()).hasSize(1);
        }
        assertThat(AnthropicProviderFactory.class.getModifiers() & java.lang.reflect.Modifier.FINAL).isNotZero();
    }
}
