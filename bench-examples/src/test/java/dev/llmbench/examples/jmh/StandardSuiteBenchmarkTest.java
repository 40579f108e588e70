package dev.llmbench.examples.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.jmh.LlmbenchFigure;
import dev.llmbench.jmh.LlmbenchProfiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

class StandardSuiteBenchmarkTest {
    @Test
    void jsonResultHoldsEveryLlmbenchFigureAsASecondaryMetric(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("jmh-result.json");
        new Runner(new OptionsBuilder()
                .include(Pattern.quote(StandardSuiteBenchmark.class.getName()) + ".request$")
                .param("model", "sim:oracle?ttft=1ms&tps=5000&jitter=0")
                .forks(0) // in-process; the jar run forks as usual
                .warmupIterations(1)
                .measurementIterations(2)
                .addProfiler(LlmbenchProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();

        JsonNode runs = new ObjectMapper().readTree(Files.readString(json));
        assertThat(runs).hasSize(2); // the default tests: basic_reasoning and tool_use
        List<String> tests = new ArrayList<>();
        for (JsonNode run : runs) {
            tests.add(run.path("params").path("test").asText());
            assertThat(run.path("mode").asText()).isEqualTo("ss");
            JsonNode secondary = run.path("secondaryMetrics");
            for (LlmbenchFigure f : LlmbenchFigure.values()) {
                assertThat(secondary.has(f.label())).as("%s in %s", f.label(), secondary.fieldNames()).isTrue();
                assertThat(secondary.path(f.label()).path("scoreUnit").asText()).isEqualTo(f.unit());
            }
            assertThat(secondary.path("llmbench.pass_rate").path("score").asDouble()).isEqualTo(1.0);
            assertThat(secondary.path("llmbench.errors").path("score").asDouble()).isZero();
            assertThat(secondary.path("llmbench.trials").path("score").asDouble()).isEqualTo(2.0);
            assertThat(secondary.path("llmbench.ttft.p50").path("rawData").get(0)).hasSize(2);
        }
        assertThat(tests).containsExactlyInAnyOrder("basic_reasoning", "tool_use");
    }
}
