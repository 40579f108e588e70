package dev.llmbench.core.results.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.runner.Defaults;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.timing.EncodedHistograms;
import dev.llmbench.core.timing.Metric;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultWritersTest {
    private static final RunResult RUN = HostileRun.result(true);

    @ParameterizedTest
    @CsvSource({"json,JSON", "md,MARKDOWN", "markdown,MARKDOWN", "txt,TEXT", "html,HTML", "csv,CSV", "junit,JUNIT",
        "hlog,HLOG", "' HTML ',HTML"})
    void acceptsEveryFormatId(String id, ResultFormatType type) {
        assertThat(ResultFormatType.fromId(id)).isEqualTo(type);
    }

    @Test
    void rejectsAnUnknownFormatListingTheKnownOnes() {
        assertThatThrownBy(() -> ResultFormatType.fromId("pdf")).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("json, md, txt, html, csv, junit, hlog");
    }

    @Test
    void defaultFormatsStayJsonAndMarkdown() {
        assertThat(Defaults.FORMATS).containsExactlyInAnyOrder(ResultFormatType.JSON, ResultFormatType.MARKDOWN);
    }

    @Test
    void multiFileFormatsAreNotRenderedAsOneString() {
        assertThatThrownBy(() -> ResultWriters.render(RUN, ResultFormatType.CSV))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ResultWriters.files(RUN, ResultFormatType.CSV)).containsOnlyKeys("trials.csv", "tests.csv");
    }

    @Test
    void writesEveryFormatIntoTheRunDirectory(@TempDir Path dir) throws Exception {
        ResultWriters.writeAll(RUN, dir, EnumSet.allOf(ResultFormatType.class));
        for (String f : new String[] {"result.json", "report.md", "summary.txt", "report.html", "trials.csv",
            "tests.csv", "junit.xml"}) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        assertThat(dir.resolve("histograms/sim_oracle-ttft.hlog")).isNotEmptyFile();
        assertThat(dir.resolve("histograms/sim_evil_name_b_onmouseover_alert_4_x_b-latency.hlog")).isNotEmptyFile();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void histogramLogsReadBackWithTheRecordedCounts(@TempDir Path dir) throws Exception {
        ResultWriters.writeAll(RUN, dir, EnumSet.of(ResultFormatType.HLOG));
        Map<String, String> files = HistogramLogFiles.write(RUN);
        assertThat(files).hasSize(2 * 7); // every metric but ttfr (no reasoning in the fixture)
        for (ModelResult m : RUN.models()) {
            String base = HistogramLogFiles.slug(m.model());
            for (Map.Entry<String, String> h : m.summary().histograms().entrySet()) {
                Metric metric = Metric.fromId(h.getKey());
                Path file = dir.resolve("histograms/" + base + "-" + h.getKey() + ".hlog");
                try (var in = new FileInputStream(file.toFile())) {
                    EncodableHistogram read = new HistogramLogReader(in).nextIntervalHistogram();
                    long count = read instanceof org.HdrHistogram.Histogram l ? l.getTotalCount()
                            : ((org.HdrHistogram.DoubleHistogram) read).getTotalCount();
                    assertThat(count).as(file.toString()).isEqualTo(EncodedHistograms.totalCount(h.getValue(), metric))
                            .isPositive();
                    assertThat(read.getStartTimeStamp()).isEqualTo(RUN.run().startedAt().toEpochMilli());
                    assertThat(read.getEndTimeStamp()).isEqualTo(RUN.run().finishedAt().toEpochMilli());
                }
            }
        }
    }

    @Test
    void histogramFileNamesAreSafeAndDistinct() {
        assertThat(HistogramLogFiles.slug("ollama:llama3.2:3b")).isEqualTo("ollama_llama3.2_3b");
        assertThat(HistogramLogFiles.slug("../../etc/passwd")).isEqualTo("etc_passwd");
        assertThat(HistogramLogFiles.slug("::")).isEqualTo("model");
        assertThat(HistogramLogFiles.slug("x".repeat(200))).hasSize(80);
        RunResult twins = new RunResult(RUN.run(), java.util.List.of(RUN.models().get(0),
                new ModelResult("sim?oracle", "sim", RUN.models().get(0).summary(), RUN.models().get(0).tests()),
                new ModelResult("SIM:ORACLE", "sim", RUN.models().get(0).summary(), RUN.models().get(0).tests())));
        assertThat(HistogramLogFiles.write(twins).keySet()).contains("histograms/sim_oracle-ttft.hlog",
                "histograms/sim_oracle-2-ttft.hlog", "histograms/SIM_ORACLE-3-ttft.hlog");
    }
}
