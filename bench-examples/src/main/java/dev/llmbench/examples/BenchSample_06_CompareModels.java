package dev.llmbench.examples;

import dev.llmbench.core.compare.HeadToHead;
import dev.llmbench.core.compare.TestComparison;
import dev.llmbench.core.results.Interval;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.stats.PairedComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Sample 06: comparing two models, and naming a winner only when the data supports one. */
public final class BenchSample_06_CompareModels {

    /*
     * "Model A scored 0.81 and model B scored 0.78" does not make A better. With a few cases and
     * trials, the gap may be noise. llmbench compares models head to head on the same items:
     * trial i of a case for A is paired with trial i of the same case for B. Because the pairs
     * share a case, differences in case difficulty cancel out, and the comparison needs fewer
     * samples to see a real difference.
     *
     * For each test, and overall, HeadToHead gives the mean paired difference (A minus B) with a
     * 95% interval. The verdict names a model only when that interval excludes zero. Otherwise the
     * verdict is "tie (n.s.)", meaning not significant. A tie does not mean the models are equal.
     * It means this run cannot tell them apart. More trials narrow the interval.
     *
     * Offline, model A streams the calibrated references and B echoes the prompt, so A should win
     * clearly. Two simulators that differ only in speed would tie on every test.
     */
    static final String DEFAULT_MODEL_A = "sim:oracle?ttft=20ms&tps=1000";
    static final String DEFAULT_MODEL_B = "sim:echo?ttft=20ms&tps=1000";

    private BenchSample_06_CompareModels() {}

    public static void main(String[] args) throws Exception {
        String a = System.getProperty("llmbench.model", DEFAULT_MODEL_A);
        String b = System.getProperty("llmbench.model.b", DEFAULT_MODEL_B);
        Path out = Files.createTempDirectory("llmbench-sample06-");

        /*
         * Both models go into one run, so they see exactly the same plan: the same tests, cases and
         * trial seeds. Models run one after the other, each with its own warmup.
         */
        Options options = Options.builder()
                .model(a)
                .model(b)
                .include("^(basic_reasoning|instruction_following|adversarial)$")
                .trials(2)
                .warmup(0)
                .outputDir(out)
                .formats(List.of(ResultFormatType.JSON))
                .build();
        RunResult result = new Runner(options).run();

        ModelResult modelA = result.models().get(0);
        ModelResult modelB = result.models().get(1);
        HeadToHead h2h = HeadToHead.of(modelA, modelB);

        System.out.println("A = " + h2h.modelA());
        System.out.println("B = " + h2h.modelB());
        System.out.printf("%-24s %6s %6s %8s %18s  %s%n", "test", "A", "B", "A - B", "95% CI", "verdict");
        for (TestComparison t : h2h.tests()) {
            row(t.testId(), t.scoreA(), t.scoreB(), t.paired(), h2h);
        }
        PairedComparison overall = h2h.overall();
        row("overall (" + overall.pairs() + " pairs)", modelA.summary().quality(), modelB.summary().quality(), overall,
                h2h);

        /*
         * HeadToHead needs only two ModelResults. They can come from one run, as here, or from
         * two runs made separately, as long as both ran the same cases: items that only one model
         * has are left out of the pairing.
         */
        System.out.println("results: " + out);
    }

    private static void row(String name, double scoreA, double scoreB, PairedComparison p, HeadToHead h2h) {
        Optional<Interval> ci = p.ci95();
        System.out.printf("%-24s %6.2f %6.2f %+8.2f %18s  %s%n", name, scoreA, scoreB, p.meanDiff(),
                ci.map(i -> String.format("[%+.2f, %+.2f]", i.lo(), i.hi())).orElse("n/a"),
                "verdict: " + p.verdict().label(h2h.modelA(), h2h.modelB()));
    }

    /*
     * The "overall" row shows each model's quality, which is the mean of its test scores. Its
     * difference and interval come from all paired items of all tests together.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_06_CompareModels
     *
     * Two real models (A is -Dllmbench.model, B is -Dllmbench.model.b):
     *   OPENROUTER_API_KEY=... java -Dllmbench.model=ollama:gemma4:e4b \
     *        -Dllmbench.model.b=openrouter:minimax/minimax-m3 \
     *        -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_06_CompareModels
     */
}
