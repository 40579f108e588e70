package dev.llmbench.examples;

import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Sample 05: requests in flight at once, and what they do to latency. */
public final class BenchSample_05_Concurrency {

    /*
     * Options.concurrency(n) runs a closed loop: at most n requests are in flight, and the next one
     * is sent as soon as one finishes. The default is 1. This gives the latency of one user alone
     * with the model, with no queueing, which is the clean figure you compare models on.
     *
     * Higher concurrency answers a different question: how does the model serve several users?
     * Then two things compete. The run finishes sooner, because total throughput goes up while
     * the server batches requests. Each request can also get slower. A request that waits in the
     * server's queue shows up as a longer time to first token, and batched decoding shares the
     * GPU, which lowers tokens per second for each stream.
     *
     * This sample runs the same plan at concurrency 1 and 4 and puts the figures side by side.
     */
    static final String DEFAULT_MODEL = "sim:oracle?ttft=20ms&tps=400";

    private BenchSample_05_Concurrency() {}

    public static void main(String[] args) throws Exception {
        String model = System.getProperty("llmbench.model", DEFAULT_MODEL);
        System.out.printf("%-11s  %8s  %10s  %10s  %9s  %9s  %11s  %11s%n", "concurrency", "requests", "wall time",
                "requests/s", "TTFT p50", "TTFT p95", "latency p50", "latency p95");
        for (int concurrency : new int[] {1, 4}) {
            Path out = Files.createTempDirectory("llmbench-sample05-c" + concurrency + "-");
            Options options = Options.builder()
                    .model(model)
                    .include("^basic_reasoning$")
                    .trials(4)        // 3 cases x 4 trials = 12 requests per run
                    .warmup(1)
                    .concurrency(concurrency)
                    .outputDir(out)
                    .formats(List.of(ResultFormatType.JSON))
                    .build();
            RunResult result = new Runner(options).run();

            /*
             * RunInfo.wallTimeMs() is the wall time of the request phase, from the first request to
             * the last trial recorded. Setup and writing files are left out. Latency distributions
             * count successful requests only, and they are summarised from the run's HdrHistograms.
             */
            ModelSummary s = result.models().get(0).summary();
            long wallMs = result.run().wallTimeMs();
            System.out.printf("%11d  %8d  %7d ms  %10.1f  %6.1f ms  %6.1f ms  %8.1f ms  %8.1f ms%n", concurrency,
                    s.requests(), wallMs, s.requests() * 1000.0 / Math.max(1, wallMs), s.ttftMs().p50(),
                    s.ttftMs().p95(), s.latencyMs().p50(), s.latencyMs().p95());
        }

        /*
         * The simulator gives each request its own timer and never queues, so what you see
         * offline is the ideal case: latency is the same at both levels and the wall time shrinks
         * about fourfold. A real server is not ideal. Run this against Ollama and compare the two
         * TTFT columns. Ollama serves OLLAMA_NUM_PARALLEL requests at once and queues the rest. With
         * that set to 1, TTFT at concurrency 4 includes up to three whole answers of waiting.
         */
        System.out.println();
        System.out.println("offline the simulator never queues: per-request latency stays flat while wall time drops;");
        System.out.println("a real server queues or batches, so compare the TTFT columns against it");
    }

    /*
     * Two rules follow from this:
     *  - To compare models, use concurrency 1 (the default), so queueing cannot blur the latency.
     *  - To size a deployment, sweep the concurrency and watch where TTFT p95 starts climbing. That
     *    is where the server saturates.
     *
     * The runner's seeds make simulated runs the same whatever the concurrency: each trial gets
     * the same delays and tokens, because its randomness depends on which trial it is, not on the
     * order in which trials finish.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_05_Concurrency
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_05_Concurrency
     *
     * The command line equivalent: ./llmbench run --model sim:oracle --tests '^basic_reasoning$' --concurrency 4
     */
}
