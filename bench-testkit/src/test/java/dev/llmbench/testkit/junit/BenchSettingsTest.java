package dev.llmbench.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {
    static final Spec SPEC = new Spec("sim:oracle", "standard", "structured_output", "", 3, 1, 1, 42L, "5m",
            () -> "", "");

    static BenchSettings resolve(Spec spec, Map<String, String> config, Map<String, String> env) {
        return BenchSettings.resolve(spec, k -> Optional.ofNullable(config.get(k)), env::get);
    }

    @Test
    void takesTheSpecWhenNothingOverridesIt() {
        BenchSettings s = resolve(SPEC, Map.of(), Map.of());

        assertThat(s).isEqualTo(new BenchSettings("sim:oracle", "standard", "structured_output", "", 3, 1, 1, 42L,
                Duration.ofMinutes(5), "", BenchSettings.DEFAULT_OUT));
    }

    @Test
    void aConfigurationParameterBeatsTheEnvironmentWhichBeatsTheSpec() {
        BenchSettings env = resolve(SPEC, Map.of(), Map.of("LLMBENCH_MODEL", "ollama:a", "LLMBENCH_BASE_URL",
                "http://h:1", "LLMBENCH_TRIALS", "5"));
        BenchSettings both = resolve(SPEC, Map.of("llmbench.model", "ollama:b", "llmbench.base-url", "http://p:2"),
                Map.of("LLMBENCH_MODEL", "ollama:a", "LLMBENCH_BASE_URL", "http://h:1"));

        assertThat(env.model()).isEqualTo("ollama:a");
        assertThat(env.baseUrl()).isEqualTo("http://h:1");
        assertThat(env.trials()).isEqualTo(5);
        assertThat(both.model()).isEqualTo("ollama:b");
        assertThat(both.baseUrl()).isEqualTo("http://p:2");
    }

    @Test
    void readsTheBaseUrlSupplierWhenResolving() {
        Spec spec = new Spec("ollama:m", "standard", "", "", 3, 1, 1, 42L, "30s", () -> "http://127.0.0.1:9", "out");

        BenchSettings s = resolve(spec, Map.of(), Map.of());

        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.out()).isEqualTo("out");
    }

    @Test
    void aMissingModelSaysHowToGiveOne() {
        Spec noModel = new Spec("", "standard", "", "", 3, 1, 1, 42L, "5m", () -> "", "");

        assertThatThrownBy(() -> resolve(noModel, Map.of(), Map.of())).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("-Dllmbench.model=");
    }

    @Test
    void badNumbersAndDurationsNameTheSetting() {
        assertThatThrownBy(() -> resolve(SPEC, Map.of("llmbench.trials", "many"), Map.of()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("llmbench.trials (\"many\")");
        assertThatThrownBy(() -> resolve(SPEC, Map.of("llmbench.timeout", "soon"), Map.of()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("timeout \"soon\"");
    }
}
