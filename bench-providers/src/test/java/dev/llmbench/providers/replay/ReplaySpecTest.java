package dev.llmbench.providers.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplaySpecTest {
    @Test
    void aBareDirectorySelectsNothingAndKeepsTheDefaultSpeed() {
        ReplaySpec s = ReplaySpec.parse("recordings");
        assertThat(s.dir()).isEqualTo(Path.of("recordings").toAbsolutePath().normalize());
        assertThat(s.provider()).isEmpty();
        assertThat(s.model()).isEmpty();
        assertThat(s.speed()).isEmpty();
    }

    @Test
    void theSelectorModelMayHoldColonsAndTheSpeedComesLast() {
        ReplaySpec s = ReplaySpec.parse("/tmp/rec#ollama:gemma4:e4b?speed=recorded");
        assertThat(s.dir()).isEqualTo(Path.of("/tmp/rec"));
        assertThat(s.provider()).isEqualTo("ollama");
        assertThat(s.model()).isEqualTo("gemma4:e4b");
        assertThat(s.speed()).contains("recorded");
    }

    @Test
    void aProviderAloneSelectsItsOnlyModel() {
        ReplaySpec s = ReplaySpec.parse("/tmp/rec#openrouter?speed=FAST");
        assertThat(s.provider()).isEqualTo("openrouter");
        assertThat(s.model()).isEmpty();
        assertThat(s.speed()).contains("fast");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#ollama", "/tmp/rec?speed=slow", "/tmp/rec?pace=fast", "/tmp/rec#", "/tmp/rec#ollama:"})
    void rejectsMalformedSpecsWithTheGrammar(String spec) {
        assertThatThrownBy(() -> ReplaySpec.parse(spec)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("replay:DIR[#PROVIDER[:MODEL]][?speed=fast|recorded]");
    }
}
