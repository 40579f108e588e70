package dev.llmbench.examples;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.runner.ModelSpec;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample 03: grading a response with built-in graders, and reading its itemised checks. */
public final class BenchSample_03_Graders {

    /*
     * An llmbench score is never one opaque number. A grader breaks its verdict into itemised
     * checks: a name, passed or not, a weight, what was expected and what the answer had. The
     * score is the weighted share of passed checks, so every point of it can be traced to a check.
     *
     * A case names its graders through GraderConfigs: a grader id, a weight and parameters. These
     * are the same ids and parameters that `./llmbench list graders` shows. When a case has
     * several graders, CaseGrading pools their checks. Each grader's checks count as much as its
     * weight, however many checks it has. The case passes when the pooled score reaches the
     * test's pass threshold.
     */
    static final String DEFAULT_MODEL = "sim:oracle?ttft=20ms&tps=400";

    private static final String REFERENCE = "By noon three quarters of 48, that is 36 cupcakes, were sold,"
            + " which leaves 12. Baking 30 more gives 42, and selling 15 of them leaves 27.\nAnswer: 27";

    private BenchSample_03_Graders() {}

    public static void main(String[] args) throws Exception {
        ChatRequest request = ChatRequest.builder()
                .user("A bakery starts with 48 cupcakes and sells three quarters of them by noon. It then bakes"
                        + " 30 more and sells 15. How many are left? Explain in 2-3 sentences, then end with"
                        + " a line 'Answer: <number>'.")
                .build();
        List<GraderConfig> graders = List.of(
                // the final number on the last "Answer:" line must be 27: most of the score
                GraderConfig.of("numeric").weight(0.6).param("expected", 27).build(),
                // 2 to 3 sentences of explanation before the Answer line
                GraderConfig.of("sentences").weight(0.2).param("min", 2).param("max", 3)
                        .param("section", "before_answer").build(),
                // it must show the intermediate stock; '|' separates accepted alternatives
                GraderConfig.of("words").weight(0.2).list("required", "12|twelve", "42|forty-two").build());
        TestCase bakery = new TestCase("bakery", request, graders, Calibration.of(REFERENCE));
        BenchTest test = new DefaultBenchTest("cupcakes", "cognitive", "one word problem", 0.7, List.of(bakery));

        /*
         * Graders come from the same registry as providers (GraderFactory through ServiceLoader).
         * CaseGrading asks for each config's grader through a function. Here that is
         * registry::createGrader. The runner instead creates each grader once per run.
         */
        ServiceRegistry registry = ServiceRegistry.discover();

        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("the model's answer", ask(registry, request));
        answers.put("stops halfway", "Three quarters of 48 is 36, so 36 were sold by noon.\nAnswer: 36");
        answers.put("right number, no Answer line", "It sold 36 and had 12 left, then 42 after baking,"
                + " and after selling 15 it has 27 left.");

        for (Map.Entry<String, String> e : answers.entrySet()) {
            Grade grade = CaseGrading.gradeText(test, bakery, e.getValue(), registry::createGrader);
            System.out.printf("%n%s: score %.2f, %s%n", e.getKey(), grade.score(),
                    grade.passed() ? "passed" : "FAILED");
            System.out.println("  itemised checks:");
            for (Check c : grade.checks()) {
                System.out.printf("  %s %-22s weight %.3f  expected %-40s  actual %s%n",
                        c.passed() ? "ok  " : "FAIL", c.name(), c.weight(), clip(c.expected()), clip(c.actual()));
            }
        }
    }

    /*
     * The offline simulator in oracle mode answers with a case's calibrated reference, which the
     * runner passes as a harness attribute. Attributes are never sent to a real model server, so
     * the same request works with any provider.
     */
    private static String ask(ServiceRegistry registry, ChatRequest request) {
        ModelSpec spec = ModelSpec.parse(System.getProperty("llmbench.model", DEFAULT_MODEL));
        ChatRequest withReference = request.toBuilder().attribute(ChatRequest.ATTR_REFERENCE, REFERENCE).build();
        try (Provider provider = registry.provider(spec.provider()).create(ProviderConfig.of(spec.model()))) {
            return provider.chat(withReference).text();
        }
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }

    /*
     * Reading the output: the weights shown are already scaled, so each grader's checks add up to
     * its config weight (numeric: answer_present 0.2 + answer 0.4 = 0.6). "stops halfway" is well
     * formed but wrong, and keeps only answer_present. "right number, no Answer line" did the
     * working, but the numeric grader reads only the final 'Answer:' line the prompt asked for.
     * Grading a defined final form, rather than searching the whole text for "27", is what keeps
     * a wrong answer that mentions 27 along the way from passing.
     *
     * The command line grades a stored answer the same way:
     *   ./llmbench grade --test basic_reasoning --case bakery --response answer.txt
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_03_Graders
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_03_Graders
     */
}
