package dev.llmbench.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.model.ChatRequest;
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

    private static ProviderConfig withExtras(Map<String, String> extras) {
        return new ProviderConfig("m", "", Secret.NONE, Duration.ofSeconds(1), Duration.ofSeconds(30), extras);
    }

    private static ChatRequest withId(String id) {
        return ChatRequest.builder().user("hi").attribute(ChatRequest.ATTR_TEST, "t1")
                .attribute(ChatRequest.ATTR_REQUEST_ID, id).build();
    }

    @Test
    void theRunnersInFlightMaximumRaisesThePoolButNeverLowersIt() {
        assertThat(resolve(withExtras(Map.of()), NO_ENV, false).maxConnections()).isEqualTo(2048);
        assertThat(resolve(withExtras(Map.of("min_connections", "4096")), NO_ENV, false).maxConnections())
                .isEqualTo(4096);
        assertThat(resolve(withExtras(Map.of("min_connections", "1")), NO_ENV, false).maxConnections())
                .isEqualTo(2048);
        assertThat(resolve(withExtras(Map.of("min_connections", "10", "max_connections", "3000")), NO_ENV, false)
                .maxConnections()).isEqualTo(3000);
        assertThatThrownBy(() -> resolve(withExtras(Map.of("min_connections", "lots")), NO_ENV, false))
                .hasMessageContaining("min_connections");
    }

    @Test
    void theRequestIdHeaderDefaultsToXRequestIdAndIsNotAProviderExtra() {
        HttpSettings s = resolve(ProviderConfig.of("m"), NO_ENV, false);
        assertThat(s.requestIdHeader()).isEqualTo("X-Request-Id");
        HttpSettings custom = resolve(withExtras(Map.of("request_id_header", " X-Req-Id ", "special", "x")), NO_ENV,
                false);
        assertThat(custom.requestIdHeader()).isEqualTo("X-Req-Id");
        assertThat(custom.extras()).containsOnlyKeys("special");
    }

    @Test
    void rejectsABlankInvalidOrReservedRequestIdHeaderWithAConfigurationError() {
        assertThatThrownBy(() -> resolve(withExtras(Map.of("request_id_header", "  ")), NO_ENV, false))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessage("provider 'p': request_id_header \"  \" must not be blank; e.g. X-Request-Id");
        assertThatThrownBy(() -> resolve(withExtras(Map.of("request_id_header", "X Req:Id")), NO_ENV, false))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("request_id_header \"X Req:Id\" is not a valid HTTP header name")
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> resolve(withExtras(Map.of("request_id_header", "X-Req-\u00e9")), NO_ENV, false))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("U+00E9");
        for (String reserved : new String[] {"Authorization", "content-type", "Host", "X-API-KEY"}) {
            assertThatThrownBy(() -> resolve(withExtras(Map.of("request_id_header", reserved)), NO_ENV, false))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining("is a header the provider sets itself");
        }
    }

    @Test
    void addsOnlyTheRequestIdAttributeToTheHeaders() {
        HttpSettings s = resolve(withExtras(Map.of("request_id_header", "X-Req-Id")), NO_ENV, false);
        Map<String, String> base = Map.of("Accept", "application/x-ndjson");
        assertThat(s.headersFor(base, withId("c1-7"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("Accept", "application/x-ndjson", "X-Req-Id", "c1-7"));
        ChatRequest noId = ChatRequest.builder().user("hi").attribute(ChatRequest.ATTR_TEST, "t1").build();
        assertThat(s.headersFor(base, noId)).isSameAs(base);
    }

    @Test
    void refusesARequestIdThatAHeaderValueCannotCarry() {
        HttpSettings s = resolve(ProviderConfig.of("m"), NO_ENV, false);
        assertThatThrownBy(() -> s.headersFor(Map.of(), withId("a\r\nX-Evil: 1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+000D at index 1");
        assertThatThrownBy(() -> s.headersFor(Map.of(), withId("caf\u00e9"))).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> s.headersFor(Map.of(), withId(" x"))).hasMessageContaining("space");
        assertThatThrownBy(() -> s.headersFor(Map.of(), withId("x".repeat(1025)))).hasMessageContaining("1 to 1024");
        assertThat(s.headersFor(Map.of(), withId("run 3/trial-2 #a"))).containsEntry("X-Request-Id", "run 3/trial-2 #a");
    }

    @Test
    void defaultPoolIsLargeEnoughForTwoThousandStreamsAndConfigurable() {
        assertThat(resolve(ProviderConfig.of("m"), NO_ENV, false).maxConnections())
                .isEqualTo(HttpSettings.DEFAULT_MAX_CONNECTIONS).isGreaterThanOrEqualTo(2048);
        assertThat(resolve(withExtras(Map.of("max_connections", "5000")), NO_ENV, false).maxConnections())
                .isEqualTo(5000);
    }
}
