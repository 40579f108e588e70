package dev.llmbench.examples;

import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ResultReader;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.timing.EncodedHistograms;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.PercentilePoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/** Sample 07: the files a run writes, reading result.json back, and histograms without loss. */
public final class BenchSample_07_ResultFormats {

    /*
     * A run keeps its results apart from how they are shown, just as JMH does. The RunResult
     * records hold no formatting. Each ResultFormatType names a writer that turns them into files
     * in the run directory. The JSON document (schema llmbench.result/v1, docs/RESULT-SCHEMA.md)
     * is the one meant for machines, and everything else is derived from the same records. With
     * Options.formats() you choose which files get written. The default is JSON and Markdown.
     *
     * This sample asks for every format this version knows and lists what arrived.
     */
    static final String DEFAULT_MODEL = "sim:oracle?ttft=20ms&tps=400&jitter=0.5";

    private BenchSample_07_ResultFormats() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createTempDirectory("llmbench-sample07-");
        Options options = Options.builder()
                .model(System.getProperty("llmbench.model", DEFAULT_MODEL))
                .include("^(basic_reasoning|summarization)$")
                .trials(3)
                .outputDir(out)
                .formats(EnumSet.allOf(ResultFormatType.class))
                .build();
        RunResult result = new Runner(options).run();

        System.out.println("run directory " + out);
        for (ResultFormatType type : ResultFormatType.values()) {
            for (String name : type.fileNames()) {
                System.out.printf("  %-6s %-14s %s%n", type.id(), name, describe(out.resolve(name)));
            }
        }
        System.out.println("  (always) run.json and journal.jsonl: the run's options and every trial, for --resume");

        /*
         * ResultReader reads result.json back into the same records. A later program can compare
         * runs, draw its own charts or enforce a gate in CI without re-running anything. The file
         * rounds figures to 4 decimals, and per-trial inter-token gaps live only in the journal,
         * but the summaries and histograms come back whole.
         */
        RunResult read = ResultReader.read(out.resolve(ResultFormatType.JSON.fileName()));
        ModelResult m = read.models().get(0);
        System.out.printf("%nread back from result.json: %s quality %.2f, %d requests, TTFT p99 %.1f ms%n",
                m.model(), m.summary().quality(), m.summary().requests(), m.summary().ttftMs().p99());

        /*
         * Percentiles such as p50, p90, p95 and p99 are only a summary. The full distribution of
         * each metric is kept as a compressed HdrHistogram (base64, nanoseconds for durations) in
         * ModelSummary.histograms(), and in result.json under "histograms". Histograms from
         * several runs can be merged without loss, which averaged percentiles never can.
         * EncodedHistograms turns one into the percentile listing that HdrHistogram's .hgrm
         * output shows.
         */
        String ttft = m.summary().histograms().getOrDefault(Metric.TTFT.id(), "");
        System.out.printf("%nTTFT percentile distribution (%d values):%n",
                EncodedHistograms.totalCount(ttft, Metric.TTFT));
        System.out.println("   value ms  percentile (0-100)  count");
        for (PercentilePoint p : EncodedHistograms.percentiles(ttft, Metric.TTFT, 2)) {
            System.out.printf("  %9.3f  %18.4f  %5d%n", p.value(), p.percentile(), p.count());
        }
    }

    private static String describe(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.list(p)) {
                List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
                return names.size() + " files, e.g. " + (names.isEmpty() ? "(none)" : names.get(0));
            }
        }
        return Files.exists(p) ? Files.size(p) + " bytes" : "(not written)";
    }

    /*
     * The .hlog files under histograms/ are HdrHistogram interval logs, one per model and metric.
     * HdrHistogram's own tools read them. For example, this prints the TTFT distribution in
     * milliseconds:
     *
     *   java -cp bench-examples/target/benchmarks.jar org.HdrHistogram.HistogramLogProcessor \
     *        -i <run directory>/histograms/<model>-ttft.hlog
     *
     * Rates (decode_tps, e2e_tps) are stored in tokens per second, so add -outputValueUnitRatio 1.
     * HistogramLogAnalyzer charts .hlog files directly. The percentile listing that
     * HistogramLogProcessor prints can be plotted at hdrhistogram.github.io/HdrHistogram/plotFiles.html.
     *
     * junit.xml makes a run readable by any CI server, trials.csv and tests.csv open in a
     * spreadsheet, and report.html is a single page with no external resources. On the command
     * line: ./llmbench run --format json,md,txt,html,csv,junit,hlog
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_07_ResultFormats
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_07_ResultFormats
     */
}
