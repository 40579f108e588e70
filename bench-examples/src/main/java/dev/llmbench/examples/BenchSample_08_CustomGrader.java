package dev.llmbench.examples;

import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Sample 08: writing a grader of your own and plugging it in through the SPI. */
public final class BenchSample_08_CustomGrader {

    /*
     * A grader is made in two parts. A GraderFactory is what the registry finds, and it has a
     * stable id. From a GraderConfig (id, weight, parameters) it creates a Grader, which grades
     * one response. The factory checks its parameters once, when it creates the grader, so a typo
     * fails before any request is sent. The grader itself must be thread-safe and free of side
     * effects. A bad answer is a failing Grade, never an exception.
     *
     * The grader below, "no_boilerplate", fails answers that contain filler phrases. It gives one
     * check per phrase, so the report says exactly which phrase was found. Every check can pass
     * and fail, which is the rule for llmbench checks.
     */
    public static final class NoBoilerplateGraderFactory implements GraderFactory {
        static final List<String> DEFAULT_PHRASES = List.of("as an ai", "i hope this helps", "great question");

        /** Public no-arg constructor, no I/O: the ServiceLoader requirement. */
        public NoBoilerplateGraderFactory() {}

        @Override
        public String id() {
            return "no_boilerplate";
        }

        @Override
        public String description() {
            return "fails answers containing filler phrases, one check each; params: phrases (list)";
        }

        @Override
        public Grader create(GraderConfig config) {
            config.requireKnown(Set.of("phrases")); // "phrase" or "phrasez" fails here, naming the known ones
            List<String> phrases = config.strings("phrases").isEmpty() ? DEFAULT_PHRASES : config.strings("phrases");
            List<String> lower = phrases.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
            return input -> grade(input, lower);
        }

        private static Grade grade(GradingInput input, List<String> phrases) {
            String text = input.text().toLowerCase(Locale.ROOT);
            List<Check> checks = new ArrayList<>();
            for (String phrase : phrases) {
                boolean found = text.contains(phrase);
                checks.add(Check.of("absent:" + phrase, !found, "no \"" + phrase + "\"", found ? "found" : "absent"));
            }
            return Grade.allOf(checks);
        }
    }

    static final String DEFAULT_MODEL = "sim:oracle?ttft=20ms&tps=400";

    private BenchSample_08_CustomGrader() {}

    public static void main(String[] args) throws Exception {
        ChatRequest request = ChatRequest.ofUser("What is 17 + 25? End with a line 'Answer: <number>'.");
        TestCase sum = new TestCase("sum", request, List.of(
                GraderConfig.of("numeric").param("expected", 42).build(),
                GraderConfig.of("no_boilerplate").list("phrases", "as an ai", "i hope this helps").build()),
                Calibration.of("17 + 25 = 42.\nAnswer: 42", "Great question! As an AI, I can say that 17 + 25 = 42."
                        + " I hope this helps!\nAnswer: 42"));
        DefaultBenchTest test = new DefaultBenchTest("plain_sums", "style", "sums without filler", 1.0, List.of(sum));

        /*
         * Programmatic registration: add the factory (and here the test) to a registry. Discovery
         * stays on, so the built-in graders, providers and suites are still there. The case names
         * the grader by id and mixes it with the built-in "numeric" grader.
         */
        ServiceRegistry registry = ServiceRegistry.builder()
                .grader(new NoBoilerplateGraderFactory())
                .test(test)
                .build();

        // The grader on its own, before any run: the clean reference and the chatty bad answer.
        Grader grader = registry.createGrader(sum.graders().get(1));
        Map<String, String> answers = Map.of("the reference", sum.calibration().passing().get(0),
                "the chatty answer", sum.calibration().failing().get(0));
        for (String label : List.of("the reference", "the chatty answer")) {
            Grade g = grader.grade(new GradingInput(test.id(), sum, ChatResponse.ofText(answers.get(label))));
            System.out.printf("no_boilerplate on %s: score %.2f%n", label, g.score());
            g.checks().forEach(c -> System.out.printf("    %s %s (%s)%n", c.passed() ? "ok  " : "FAIL", c.name(),
                    c.actual()));
        }

        // The same grader inside a run: the runner resolves "no_boilerplate" through the registry.
        Options options = Options.builder()
                .model(System.getProperty("llmbench.model", DEFAULT_MODEL))
                .suite(test.id()) // a single registered test works wherever a suite id does
                .trials(2)
                .warmup(0)
                .outputDir(Files.createTempDirectory("llmbench-sample08-"))
                .formats(List.of(ResultFormatType.JSON))
                .build();
        RunResult result = Runner.builder(options).registry(registry).build().run();
        for (TrialRecord t : result.models().get(0).tests().get(0).trials()) {
            System.out.printf("trial %d: score %.2f, checks %s%n", t.trial(), t.score(),
                    t.checks().stream().map(c -> c.name() + (c.passed() ? "=ok" : "=FAIL")).toList());
        }
    }

    /*
     * Registration through ServiceLoader, so `./llmbench list graders` and every run find the
     * grader with no code: put the factory in a jar with a file
     *
     *   src/main/resources/META-INF/services/dev.llmbench.core.spi.GraderFactory
     *
     * that lists its class name, one per line:
     *
     *   com.example.graders.NoBoilerplateGraderFactory
     *
     * and put the jar on the class path. The registry rejects two graders with the same id and
     * names both classes. An entry that fails to load is reported in ServiceRegistry.loadErrors().
     * It is never skipped silently.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_08_CustomGrader
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_08_CustomGrader
     */
}
