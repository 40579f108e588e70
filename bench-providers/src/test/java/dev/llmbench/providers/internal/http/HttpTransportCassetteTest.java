package dev.llmbench.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.HttpSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the settings-based constructor builds in each cassette mode. */
class HttpTransportCassetteTest {
    @TempDir
    Path tmp;

    private static HttpSettings settings(Map<String, String> extras) {
        return HttpSettings.resolve("probe", new ProviderConfig("m", "", Secret.NONE, Duration.ofSeconds(1),
                Duration.ofSeconds(5), extras), k -> null, null, "http://127.0.0.1:9", null, false, Set.of());
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void aReplayingTransportStartsNoHttpClientNorTimeoutSweeper() throws Exception {
        try (HttpTransport t = new HttpTransport("replay-probe", settings(Map.of("replay_dir", tmp.toString())))) {
            assertThat(t.inFlight()).isZero();
            assertThat(threadNamed("llmbench-replay-probe-timeouts")).isFalse();
        }
        try (HttpTransport t = new HttpTransport("live-probe", settings(Map.of()))) {
            Thread.sleep(3 * HttpTransport.SWEEP_MILLIS);
            assertThat(threadNamed("llmbench-live-probe-timeouts")).as("control: a live transport has one").isTrue();
        }
    }

    @Test
    void aRecordingTransportCreatesTheDirectory() {
        Path dir = tmp.resolve("a/b");
        try (HttpTransport t = new HttpTransport("rec-probe", settings(Map.of("record_dir", dir.toString())))) {
            assertThat(dir).isDirectory();
        }
    }
}
