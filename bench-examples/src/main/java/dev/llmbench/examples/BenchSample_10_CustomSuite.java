package dev.llmbench.examples;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.GraderConfig;
import java.nio.file.Files;
import java.util.List;

/** Sample 10: a test suite of your own, with calibrated cases, run offline with sim:oracle. */
public final class BenchSample_10_CustomSuite {

    /*
     * A test (BenchTest) is plain data: an id, a category, a pass threshold and cases. Each case is
     * a request, the graders that judge the answer, and a Calibration. A suite (BenchSuite) is a
     * named list of tests. DefaultBenchTest is a record, so most tests need no class of their own.
     *
     * The calibration is what makes a test trustworthy. It holds a reference answer that must pass
     * every check, and realistic bad answers that must fail: the wrong number, the right number in
     * the wrong place, an answer that only echoes the prompt. If a grader passes a bad answer, the
     * test is measuring the wrong thing, and the calibration catches that before any model is
     * blamed. It also makes the test runnable offline: sim:oracle streams each case's reference,
     * so a new suite can be tried with no server at all.
     */
    public static final class OpsSuite implements BenchSuite {
        private final List<BenchTest> tests = List.of(unitConversion(), incidentJson());

        /** Public no-arg constructor, no I/O: the ServiceLoader requirement. */
        public OpsSuite() {}

        @Override
        public String id() {
            return "ops";
        }

        @Override
        public String description() {
            return "two small operations tasks: unit conversion and an incident record as JSON";
        }

        @Override
        public List<BenchTest> tests() {
            return tests;
        }

        private static BenchTest unitConversion() {
            String form = " Give the result on a last line 'Answer: <number>'.";
            TestCase disk = new TestCase("disk", ChatRequest.ofUser("How many GiB are 3,221,225,472 bytes?" + form),
                    List.of(GraderConfig.of("numeric").param("expected", 3).build()),
                    Calibration.of("3,221,225,472 / 1024^3 = 3.\nAnswer: 3",
                            "3,221,225,472 bytes is about 3.22 GB.\nAnswer: 3.22", // decimal gigabytes
                            "It is 3 GiB."));                                      // no Answer line
            TestCase latency = new TestCase("latency", ChatRequest.ofUser("A request takes 0.35 s. How many"
                    + " milliseconds is that?" + form),
                    List.of(GraderConfig.of("numeric").param("expected", 350).build()),
                    Calibration.of("0.35 s x 1000 = 350 ms.\nAnswer: 350", "Answer: 35", "Answer: 0.35"));
            return new DefaultBenchTest("unit_conversion", "ops", "byte and time units, exact answers", 1.0,
                    List.of(disk, latency));
        }

        private static BenchTest incidentJson() {
            TestCase incident = new TestCase("incident", ChatRequest.ofUser("Turn this into JSON with keys service"
                    + " (string) and minutes (integer), nothing else: 'The payments API was down for an hour"
                    + " and a half.'"),
                    List.of(GraderConfig.of("json").list("values", "/service=payments API", "/minutes=90",
                            "/minutes#type=integer").build()),
                    Calibration.of("{\"service\": \"payments API\", \"minutes\": 90}",
                            "```json\n{\"service\": \"payments API\", \"minutes\": 90}\n```", // fenced, asked bare
                            "{\"service\": \"payments API\", \"minutes\": 1.5}"));           // hours, not minutes
            return new DefaultBenchTest("incident_json", "ops", "strict JSON with exact values", 1.0,
                    List.of(incident));
        }
    }

    static final String DEFAULT_MODEL = "sim:oracle?ttft=20ms&tps=400";

    private BenchSample_10_CustomSuite() {}

    public static void main(String[] args) throws Exception {
        BenchSuite suite = new OpsSuite();
        ServiceRegistry registry = ServiceRegistry.builder().suite(suite).build();

        /*
         * Step 1: check the calibration. This is the loop to run while writing a test. The
         * built-in suite enforces the same rule in a unit test, for every case.
         */
        for (BenchTest test : suite.tests()) {
            for (TestCase c : test.cases()) {
                for (String good : c.calibration().passing()) {
                    expect(test, c, good, true, registry);
                }
                for (String bad : c.calibration().failing()) {
                    expect(test, c, bad, false, registry);
                }
            }
        }
        System.out.println("calibration ok: every reference passes and every bad answer fails");

        // Step 2: run the suite by id, like the built-in "standard".
        Options options = Options.builder()
                .model(System.getProperty("llmbench.model", DEFAULT_MODEL))
                .suite(suite.id())
                .trials(2)
                .outputDir(Files.createTempDirectory("llmbench-sample10-"))
                .formats(List.of(ResultFormatType.JSON, ResultFormatType.MARKDOWN))
                .build();
        for (TestResult t : Runner.builder(options).registry(registry).build().run().models().get(0).tests()) {
            System.out.printf("%-16s score %.2f  pass rate %.0f%%  %s%n", t.id(), t.score(), 100 * t.passRate(),
                    t.passed() ? "passed" : "FAILED");
        }
    }

    private static void expect(BenchTest test, TestCase c, String answer, boolean pass, ServiceRegistry registry) {
        Grade g = CaseGrading.gradeText(test, c, answer, registry::createGrader);
        if (g.passed() != pass) {
            throw new IllegalStateException(test.id() + "/" + c.id() + ": calibration answer should "
                    + (pass ? "pass" : "fail") + " but scored " + g.score() + ": " + answer);
        }
    }

    /*
     * To ship the suite, list it in
     *   src/main/resources/META-INF/services/dev.llmbench.core.spi.BenchSuite
     * Then `./llmbench run --suite ops --model ...` and `./llmbench list suites` find it. Single
     * tests can be registered in META-INF/services/dev.llmbench.core.api.BenchTest instead.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_10_CustomSuite
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_10_CustomSuite
     */
}
