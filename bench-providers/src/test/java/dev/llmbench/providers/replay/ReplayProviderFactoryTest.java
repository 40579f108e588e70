package dev.llmbench.providers.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.anthropic.AnthropicProviderFactory;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayProviderFactoryTest {
    @TempDir
    Path tmp;

    @Test
    void hasTheIdReplayAndDoesNoWorkInItsConstructor() {
        ReplayProviderFactory f = new ReplayProviderFactory();
        assertThat(f.id()).isEqualTo("replay");
        assertThat(f.description()).contains("replay:DIR");
    }

    @Test
    void findsOriginalProvidersThroughServiceLoader() {
        assertThat(ReplayProviderFactory.discover("anthropic")).get().isInstanceOf(AnthropicProviderFactory.class);
        assertThat(ReplayProviderFactory.discover("sim")).isPresent();
        assertThat(ReplayProviderFactory.discover("no-such-provider")).isEmpty();
    }

    @Test
    void rejectsUnknownSettingsBeforeReadingTheDirectory() {
        ProviderConfig c = new ProviderConfig(tmp.toString(), "", Secret.NONE, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Map.of("temperature", "0"));
        assertThatThrownBy(() -> new ReplayProviderFactory().create(c)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("unknown setting 'temperature'");
    }

    @Test
    void saysWhichRecordedProviderIsMissing() throws Exception {
        Path dir = tmp.resolve("rec");
        try (FakeLlmServer server = FakeLlmServer.start()) {
            ProviderConfig c = ProviderConfig.of("claude-test").withBaseUrl(server.anthropicUrl())
                    .withApiKey(Secret.of("sk-test"));
            try (Provider p = new AnthropicProviderFactory().create(new ProviderConfig(c.model(), c.baseUrl(), c.apiKey(),
                    c.connectTimeout(), c.requestTimeout(), Map.of("record_dir", dir.toString())))) {
                server.enqueue(Reply.text("ok"));
                Events e = new Events();
                p.stream(ChatRequest.ofUser("hi"), e);
                e.await();
            }
        }
        assertThatThrownBy(() -> new ReplayProviderFactory(id -> Optional.empty()).create(ProviderConfig.of(dir.toString())))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("recorded with provider 'anthropic', which is not available");
    }
}
