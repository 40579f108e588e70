package dev.llmbench.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
    private static final UnaryOperator<String> NO_ENV = k -> null;

    private static HttpSettings resolve(ProviderConfig c, UnaryOperator<String> env, boolean keyRequired) {
        return HttpSettings.resolve("p", c, env, "P_URL", "https://default.example/v1", "P_KEY", keyRequired,
                Set.of("special"));
    }

    @Test
    void prefersConfigThenEnvironmentThenDefault() {
        ProviderConfig base = ProviderConfig.of("m");
        assertThat(resolve(base, NO_ENV, false).baseUrl()).hasToString("https://default.example/v1");
        assertThat(resolve(base, k -> k.equals("P_URL") ? "http://env:1/" : null, false).baseUrl())
                .hasToString("http://env:1");
        assertThat(resolve(base.withBaseUrl("localhost:8080"), k -> "http://env:1", false).baseUrl())
                .hasToString("http://localhost:8080");
    }

    @Test
    void readsTheKeyFromTheEnvironmentAndRequiresItWhenAsked() {
        HttpSettings s = resolve(ProviderConfig.of("m"), k -> k.equals("P_KEY") ? "sk-env" : null, true);
        assertThat(s.apiKey().reveal()).contains("sk-env");
        assertThat(s.toString()).doesNotContain("sk-env");
        assertThat(resolve(ProviderConfig.of("m").withApiKey(Secret.of("sk-cfg")), k -> "sk-env", true).apiKey().reveal())
                .contains("sk-cfg");
        assertThatThrownBy(() -> resolve(ProviderConfig.of("m"), NO_ENV, true))
                .isInstanceOf(BenchConfigurationException.class).hasMessage("provider 'p' needs an API key: set P_KEY");
    }

    @Test
    void derivesTimeoutsFromTheRequestTimeoutUnlessGiven() {
        ProviderConfig c = ProviderConfig.of("m").withRequestTimeout(Duration.ofSeconds(300));
        HttpSettings s = resolve(c, NO_ENV, false);
        assertThat(s.firstByteTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.maxResponseBytes()).isEqualTo(16L << 20);
        ProviderConfig custom = new ProviderConfig("m", "", Secret.NONE, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Map.of("idle_timeout", "300ms", "first_byte_timeout", "2s", "max_response_bytes", "1000", "special", "x"));
        HttpSettings t = resolve(custom, NO_ENV, false);
        assertThat(t.idleTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(t.firstByteTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.maxResponseBytes()).isEqualTo(1000);
        assertThat(t.extras()).containsOnlyKeys("special");
    }

    @Test
    void rejectsUnknownSettingsBadValuesAndBadUrls() {
        ProviderConfig unknown = new ProviderConfig("m", "", Secret.NONE, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Map.of("idle_timout", "1s"));
        assertThatThrownBy(() -> resolve(unknown, NO_ENV, false)).hasMessageContaining("unknown setting 'idle_timout'")
                .hasMessageContaining("idle_timeout");
        ProviderConfig bad = new ProviderConfig("m", "", Secret.NONE, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Map.of("max_response_bytes", "-1"));
        assertThatThrownBy(() -> resolve(bad, NO_ENV, false)).hasMessageContaining("max_response_bytes");
        assertThatThrownBy(() -> resolve(ProviderConfig.of("m").withBaseUrl("ftp://x"), NO_ENV, false))
                .hasMessageContaining("base URL");
    }
}
