package dev.llmbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void defaultsMatchTheDesign() {
        Options o = Options.builder().model("sim:oracle").build();
        assertThat(o.trials()).isEqualTo(3);
        assertThat(o.warmup()).isEqualTo(1);
        assertThat(o.concurrency()).isEqualTo(1);
        assertThat(o.suite()).isEqualTo("standard");
        assertThat(o.requestTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.formats()).containsExactlyInAnyOrder(ResultFormatType.JSON, ResultFormatType.MARKDOWN);
        assertThat(o.include()).isEmpty();
        assertThat(o.outputDir()).isEmpty();
        assertThat(o.failOnError()).isFalse();
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of((Consumer<Options.Builder>) b -> b.trials(0), "trials (0) must be between 1 and 10000"),
                Arguments.of((Consumer<Options.Builder>) b -> b.warmup(-1), "warmup (-1) must be between 0 and 1000"),
                Arguments.of((Consumer<Options.Builder>) b -> b.concurrency(0), "concurrency (0)"),
                Arguments.of((Consumer<Options.Builder>) b -> b.concurrency(5000), "concurrency (5000)"),
                Arguments.of((Consumer<Options.Builder>) b -> b.requestTimeout(Duration.ZERO), "timeout (PT0S)"),
                Arguments.of((Consumer<Options.Builder>) b -> b.include("("), "not a valid regular expression"),
                Arguments.of((Consumer<Options.Builder>) b -> b.model("nocolon"), "must be provider:model"),
                Arguments.of((Consumer<Options.Builder>) b -> b.model("Bad:x"), "lowercase"),
                Arguments.of((Consumer<Options.Builder>) b -> b.model("sim:oracle"), "listed twice"),
                Arguments.of((Consumer<Options.Builder>) b -> b.formats(List.of()), "at least one format"),
                Arguments.of((Consumer<Options.Builder>) b -> b.suite(" "), "suite must not be blank"));
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void setterRejectsInvalidValueWithAMessageNamingIt(Consumer<Options.Builder> setter, String message) {
        Options.Builder b = Options.builder().model("sim:oracle");
        assertThatThrownBy(() -> setter.accept(b)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void buildWithoutAModelExplainsHowToAddOne() {
        assertThatThrownBy(() -> Options.builder().build()).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("--model sim:oracle");
    }

    @Test
    void builtOptionsDoNotChangeWhenTheBuilderDoes() {
        Options.Builder b = Options.builder().model("sim:oracle").trials(2);
        Options o = b.build();
        b.trials(9).model("sim:echo");
        assertThat(o.trials()).isEqualTo(2);
        assertThat(o.models()).hasSize(1);
    }

    @Test
    void modelSpecSplitsOnTheFirstColon() {
        ModelSpec spec = ModelSpec.parse("ollama:gemma4:e4b");
        assertThat(spec.provider()).isEqualTo("ollama");
        assertThat(spec.model()).isEqualTo("gemma4:e4b");
        assertThat(ModelSpec.parse("openrouter:minimax/minimax-m3").model()).isEqualTo("minimax/minimax-m3");
        assertThat(spec).hasToString("ollama:gemma4:e4b");
    }

    @Test
    void optionsSurviveTheStoredMapRoundTrip() {
        Options o = Options.builder().model("sim:oracle").model("sim:echo").include("basic").exclude("x").trials(5)
                .warmup(0).concurrency(4).requestTimeout(Duration.ofSeconds(30)).seed(7).failOnError(true)
                .formats(List.of(ResultFormatType.TEXT)).recordDir(Path.of("recordings")).build();
        Options back = Options.fromMap(o.toMap(), Path.of("/tmp/run"));
        assertThat(back.toMap()).isEqualTo(o.toMap());
        assertThat(back.outputDir()).contains(Path.of("/tmp/run"));
        assertThat(back.recordDir()).contains(Path.of("recordings").toAbsolutePath());
        assertThat(o.toMap()).containsEntry("record_dir", Path.of("recordings").toAbsolutePath().toString());
    }

    @Test
    void recordsNowhereUnlessAskedAndRejectsAFileAsTheRecordDirectory(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Options plain = Options.builder().model("sim:oracle").build();
        assertThat(plain.recordDir()).isEmpty();
        assertThat(plain.toMap()).containsEntry("record_dir", null);
        assertThat(Options.fromMap(plain.toMap(), tmp).recordDir()).isEmpty();
        java.util.Map<String, Object> old = new java.util.LinkedHashMap<>(plain.toMap());
        old.remove("record_dir");
        assertThat(Options.fromMap(old, tmp).recordDir()).as("run files written before --record existed").isEmpty();
        Path file = java.nio.file.Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> Options.builder().recordDir(file)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("is not a directory");
        assertThat(Options.builder().model("sim:oracle").recordDir(tmp).build().toBuilder().build().recordDir())
                .contains(tmp.toAbsolutePath().normalize());
    }

    @Test
    void unreadableStoredOptionsAreAConfigurationError() {
        assertThatThrownBy(() -> Options.fromMap(java.util.Map.of("models", "x"), Path.of("/tmp")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("stored run options");
    }
}
