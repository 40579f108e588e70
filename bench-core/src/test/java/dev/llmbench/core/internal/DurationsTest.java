package dev.llmbench.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"250us,250000", "500ms,500000000", "1.5s,1500000000", "30s,30000000000", "2m,120000000000",
        "1h,3600000000000", "PT30S,30000000000", "pt0.5s,500000000", "0,0", " 10 ms ,10000000"})
    void parsesEveryAcceptedForm(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "10", "-5s", "5 days", "PT-1S", "", "1e3ms"})
    void rejectsAnythingElseNamingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500ms");
    }
}
