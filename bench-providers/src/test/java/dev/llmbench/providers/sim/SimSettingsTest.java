package dev.llmbench.providers.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimSettingsTest {

    private static SimSettings parse(String model) {
        return SimSettings.parse(ProviderConfig.of(model));
    }

    private static SimSettings parse(String model, Map<String, String> extras) {
        ProviderConfig base = ProviderConfig.of(model);
        return SimSettings.parse(new ProviderConfig(model, "", base.apiKey(), base.connectTimeout(),
                base.requestTimeout(), extras));
    }

    @Test
    void appliesDefaults() {
        SimSettings s = parse("oracle");

        assertThat(s.mode()).isEqualTo(SimSettings.Mode.ORACLE);
        assertThat(s.ttftNanos()).isEqualTo(150_000_000L);
        assertThat(s.tokensPerSecond()).isEqualTo(60.0);
        assertThat(s.jitter()).isEqualTo(0.2);
        assertThat(s.errorRate()).isZero();
        assertThat(s.seed()).isZero();
        assertThat(parse("echo").mode()).isEqualTo(SimSettings.Mode.ECHO);
    }

    @Test
    void readsEveryParameterFromTheModelString() {
        SimSettings s = parse("oracle?ttft=200ms&tps=50&jitter=0.1&error_rate=0.05&seed=-7");

        assertThat(s).isEqualTo(new SimSettings(SimSettings.Mode.ORACLE, 200_000_000L, 50.0, 0.1, 0.05, -7));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0ms, 0", "200ms, 200000000", "1.5s, 1500000000", "250us, 250000", "0.5ms, 500000",
            "3600s, 3600000000000"})
    void parsesDurationsWithUnits(String value, long nanos) {
        assertThat(parse("echo?ttft=" + value).ttftNanos()).isEqualTo(nanos);
    }

    @Test
    void acceptsExtrasAndLetsTheModelStringWin() {
        SimSettings s = parse("echo?tps=500", Map.of("tps", "5", "seed", "9", "jitter", "0"));

        assertThat(s.tokensPerSecond()).isEqualTo(500.0);
        assertThat(s.seed()).isEqualTo(9);
        assertThat(s.jitter()).isZero();
    }

    @Test
    void ignoresEmptySegmentsAndSurroundingBlanks() {
        assertThat(parse("echo?&tps=5&&seed = 3&").seed()).isEqualTo(3);
        assertThat(parse("echo?").tokensPerSecond()).isEqualTo(60.0);
    }

    @Test
    void rejectsAnUnknownModelListingBothModels() {
        assertThatThrownBy(() -> parse("gpt-4o?tps=5"))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("'gpt-4o'")
                .hasMessageContaining("sim:oracle")
                .hasMessageContaining("sim:echo")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsAnUnknownKeyNamingItAndTheValidKeys() {
        assertThatThrownBy(() -> parse("oracle?ttft=1ms&speed=3"))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("'speed'")
                .hasMessageContaining("ttft, tps, jitter, error_rate, seed")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsAnUnknownKeyInExtras() {
        assertThatThrownBy(() -> parse("oracle", Map.of("errorRate", "0.1")))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("'errorRate'")
                .hasMessageContaining("provider extras")
                .hasMessageContaining("error_rate");
    }

    @Test
    void rejectsDuplicateAndMalformedParameters() {
        assertThatThrownBy(() -> parse("echo?tps=5&tps=6"))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("'tps' is given twice");
        assertThatThrownBy(() -> parse("echo?tps"))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("malformed parameter 'tps'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ttft=200", "ttft=-1ms", "ttft=fast", "ttft=2h", "ttft=3601s", "ttft=1e3ms",
        "tps=0", "tps=-5", "tps=NaN", "tps=Infinity", "tps=50d", "tps=0x10", "tps=",
        "jitter=1.5", "jitter=-0.1", "error_rate=2", "error_rate=5%",
        "seed=1.5", "seed=abc", "seed=99999999999999999999"
    })
    void rejectsBadValuesNamingTheKeyAndTheValidKeys(String parameter) {
        String key = parameter.substring(0, parameter.indexOf('='));

        assertThatThrownBy(() -> parse("oracle?" + parameter))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("for " + key + " in")
                .hasMessageContaining("valid keys: ttft, tps, jitter, error_rate, seed")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tps=1e9", "tps=0.5", "jitter=0", "jitter=1", "error_rate=0", "error_rate=1", "seed=0"})
    void acceptsBoundaryValues(String parameter) {
        assertThat(parse("echo?" + parameter)).isNotNull();
    }

    @Test
    void ignoresTheCassetteExtrasBecauseTheSimulatorHasNothingToRecord() {
        SimSettings s = parse("oracle?seed=3", Map.of("record_dir", "/tmp/rec", "replay_dir", "/tmp/rec",
                "replay_speed", "recorded", "min_connections", "3000"));
        assertThat(s).isEqualTo(parse("oracle?seed=3"));
        assertThatThrownBy(() -> parse("oracle?record_dir=/tmp/rec")).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("unknown parameter 'record_dir'");
    }
}
