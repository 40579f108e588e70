package dev.llmbench.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cassette extras as every HTTP provider reads them through {@link HttpSettings}. */
class CassetteSettingsTest {
    @TempDir
    Path tmp;

    private static HttpSettings resolve(Map<String, String> extras) {
        ProviderConfig c = new ProviderConfig("m?x=1", "", Secret.of("sk-1"), Duration.ofSeconds(2), Duration.ofSeconds(30),
                extras);
        return HttpSettings.resolve("p", c, k -> null, null, "http://localhost:1", null, false, Set.of("special"));
    }

    @Test
    void isOffWithoutCassetteExtras() {
        assertThat(resolve(Map.of()).cassettes()).isEqualTo(CassetteSettings.OFF);
    }

    @Test
    void recordsIntoAnAbsoluteDirectoryAndKeepsTheConfigForTheReplay() {
        HttpSettings s = resolve(Map.of("record_dir", tmp.resolve("rec").toString(), "special", "v", "idle_timeout", "3s"));
        CassetteSettings c = s.cassettes();
        assertThat(c.mode()).isEqualTo(CassetteSettings.Mode.RECORD);
        assertThat(c.dir()).isEqualTo(tmp.resolve("rec").toAbsolutePath());
        assertThat(c.model()).isEqualTo("m?x=1");
        assertThat(c.configExtras()).containsOnly(Map.entry("special", "v"), Map.entry("idle_timeout", "3s"));
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.extras()).containsOnlyKeys("special");
        assertThat(s.toString()).contains("recording into");
    }

    @Test
    void replaysFromAnExistingDirectoryAtTheChosenSpeed() {
        CassetteSettings c = resolve(Map.of("replay_dir", tmp.toString(), "replay_speed", "recorded")).cassettes();
        assertThat(c.mode()).isEqualTo(CassetteSettings.Mode.REPLAY);
        assertThat(c.recordedSpeed()).isTrue();
        assertThat(resolve(Map.of("replay_dir", tmp.toString())).cassettes().recordedSpeed()).isFalse();
    }

    @Test
    void rejectsConflictingOrBadCassetteExtras() throws Exception {
        assertThatThrownBy(() -> resolve(Map.of("record_dir", tmp.toString(), "replay_dir", tmp.toString())))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("cannot both be set");
        assertThatThrownBy(() -> resolve(Map.of("replay_speed", "fast")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("only with replay_dir");
        assertThatThrownBy(() -> resolve(Map.of("replay_dir", tmp.toString(), "replay_speed", "turbo")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("fast or recorded");
        assertThatThrownBy(() -> resolve(Map.of("replay_dir", tmp.resolve("none").toString())))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("not a directory of recordings");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> resolve(Map.of("record_dir", file.toString())))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("is not a directory");
    }
}
