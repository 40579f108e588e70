package dev.llmbench.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraderConfigTest {
    @Test
    void typedGettersReadNumbersListsAndBooleans() {
        GraderConfig c = GraderConfig.of("g").param("n", "2.5").param("i", 3).param("b", "TRUE")
                .list("words", "a", "b").param("one", "x").build();
        assertThat(c.optNumber("n")).contains(2.5);
        assertThat(c.optInt("i")).contains(3);
        assertThat(c.bool("b", false)).isTrue();
        assertThat(c.bool("missing", true)).isTrue();
        assertThat(c.strings("words")).containsExactly("a", "b");
        assertThat(c.strings("one")).containsExactly("x");
        assertThat(c.strings("none")).isEmpty();
    }

    @Test
    void rejectsValuesThatAreNotWhatTheyClaim() {
        GraderConfig c = GraderConfig.of("g").param("flag", "yes").param("n", "NaN").param("i", 2.5).build();
        assertThatThrownBy(() -> c.bool("flag", false)).isInstanceOf(BenchConfigurationException.class)
                .hasMessage("grader 'g': parameter 'flag' must be true or false, got \"yes\"");
        assertThatThrownBy(() -> c.optNumber("n")).hasMessageContaining("finite number");
        assertThatThrownBy(() -> c.optInt("i")).hasMessageContaining("integer");
        assertThatThrownBy(() -> c.string("absent")).hasMessage("grader 'g' needs parameter 'absent'");
    }

    @Test
    void requireKnownNamesTheTypoAndTheKnownParameters() {
        GraderConfig c = GraderConfig.of("numeric").param("tolerence", 1).build();
        assertThatThrownBy(() -> c.requireKnown(Set.of("expected", "tolerance")))
                .hasMessage("grader 'numeric': unknown parameter 'tolerence'; known parameters: expected, tolerance");
    }

    @Test
    void isImmutableAndValidatesWeight() {
        GraderConfig c = GraderConfig.of("g").list("w", "a").build();
        assertThatThrownBy(() -> c.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(c.params().get("w")).isEqualTo(List.of("a"));
        assertThatThrownBy(() -> GraderConfig.of("g").weight(0).build()).hasMessageContaining("weight");
        assertThatThrownBy(() -> GraderConfig.of("Bad Id").build()).hasMessageContaining("lowercase");
    }
}
