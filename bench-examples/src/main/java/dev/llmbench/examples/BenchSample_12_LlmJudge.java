package dev.llmbench.examples;

import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sample 12: the LLM judge — grading open-ended answers with a rubric and a judge model. */
public final class BenchSample_12_LlmJudge {

    /*
     * Some answers cannot be checked by code: whether an explanation is correct, or whether a
     * summary is fair. The "judge" grader asks a second model, the judge, to decide each criterion
     * of a rubric. It sends the question, the answer and the criteria, and asks for a JSON verdict
     * that follows a schema: {name, passed, reason} per criterion. Each criterion becomes one
     * check, and the judge's reason is the check's "actual". An unreadable verdict is retried once.
     * After that it counts as a grader error, never as a silent zero.
     *
     * The standard suite uses no judge, because every one of its checks is verifiable by code.
     * Prefer that whenever you can. A judge is slower, costs money, and is itself a model that can
     * be wrong or biased (towards long answers, or towards its own family). Calibrate a judged test
     * like any other: a reference must pass and bad answers must fail.
     *
     * The judge is any model spec. It is found through the same ProviderFactory SPI, with
     * ServiceLoader. To keep this sample offline, the default judge is "keyword-judge", a stand-in
     * provider defined below. It passes a criterion when every 'quoted' word in it appears in the
     * answer. It is not a real judge: it only lets the plumbing run without a server.
     */
    static final String DEFAULT_MODEL = "sim:oracle?ttft=20ms&tps=400";
    static final String DEFAULT_JUDGE = "keyword-judge:v1";

    private BenchSample_12_LlmJudge() {}

    public static void main(String[] args) throws Exception {
        String judge = System.getProperty("llmbench.judge", DEFAULT_JUDGE);
        GraderConfig rubric = GraderConfig.of("judge")
                .param("model", judge)
                .list("criteria", "Names 'Rayleigh' scattering as the cause",
                        "Says that 'shorter' wavelengths are scattered more strongly than longer ones")
                .param("rubric", "Judge physical correctness only, not style or length.")
                .build();
        TestCase sky = new TestCase("sky", ChatRequest.ofUser("Why is the sky blue? Answer in two sentences."),
                List.of(rubric), Calibration.of("Sunlight is scattered by air molecules through Rayleigh scattering."
                        + " Shorter wavelengths such as blue are scattered much more strongly than red, so blue"
                        + " light reaches us from every direction.",
                        "The sky is blue because it reflects the colour of the oceans."));
        DefaultBenchTest test = new DefaultBenchTest("explain_sky", "science", "judged explanation", 1.0, List.of(sky));
        ServiceRegistry registry = ServiceRegistry.builder().test(test).build();

        // A run: the model answers, the judge grades. To the runner, "judge" is just another grader.
        Options options = Options.builder()
                .model(System.getProperty("llmbench.model", DEFAULT_MODEL))
                .suite(test.id()).trials(1).warmup(0)
                .outputDir(Files.createTempDirectory("llmbench-sample12-"))
                .formats(List.of(ResultFormatType.JSON))
                .build();
        TrialRecord trial = Runner.builder(options).registry(registry).build().run()
                .models().get(0).tests().get(0).trials().get(0);
        System.out.printf("judge %s on the model's answer: score %.2f%n", judge, trial.score());
        trial.checks().forEach(BenchSample_12_LlmJudge::print);

        // The same judge on the calibration's bad answer, outside a run.
        Grade bad = CaseGrading.gradeText(test, sky, sky.calibration().failing().get(0), registry::createGrader);
        System.out.printf("judge %s on a wrong answer: score %.2f%n", judge, bad.score());
        bad.checks().forEach(BenchSample_12_LlmJudge::print);
    }

    private static void print(Check c) {
        System.out.printf("    %s %s -> %s%n", c.passed() ? "ok  " : "FAIL", c.name(), c.actual());
    }

    /**
     * The offline stand-in judge, registered in this module's
     * {@code META-INF/services/dev.llmbench.core.spi.ProviderFactory} so that the judge grader's
     * ServiceLoader lookup finds it. Public no-arg constructor, no I/O.
     */
    public static final class KeywordJudgeFactory implements ProviderFactory {
        private static final Pattern ANSWER = Pattern.compile("Answer:\\n(.*?)\\n\\nCriteria", Pattern.DOTALL);
        private static final Pattern CRITERION = Pattern.compile("(?m)^\\d+\\. (.+)$");
        private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

        /** Creates the factory; does no I/O. */
        public KeywordJudgeFactory() {}

        @Override
        public String id() {
            return "keyword-judge";
        }

        @Override
        public String description() {
            return "offline stand-in for an LLM judge (samples only): a criterion passes when its 'quoted'"
                    + " words appear";
        }

        @Override
        public Provider create(ProviderConfig config) {
            return new Provider() {
                @Override
                public String id() {
                    return "keyword-judge";
                }

                @Override
                public String model() {
                    return config.model();
                }

                @Override
                public Set<Capability> capabilities() {
                    return Set.of(Capability.STREAMING, Capability.JSON_SCHEMA);
                }

                // Answers at once, on the caller's thread: events still come in order, one terminal last.
                @Override
                public StreamHandle stream(ChatRequest request, StreamListener listener) {
                    listener.onEvent(new StreamEvent.ContentDelta(verdict(request.lastUserText())));
                    listener.onEvent(new StreamEvent.Completed(FinishReason.STOP));
                    return reason -> { };
                }

                @Override
                public void close() {}
            };
        }

        private static String verdict(String prompt) {
            Matcher a = ANSWER.matcher(prompt);
            if (!a.find()) {
                return "not a judge prompt"; // the grader retries once, then reports a grader error
            }
            String answer = a.group(1).toLowerCase(Locale.ROOT);
            StringJoiner criteria = new StringJoiner(",", "{\"criteria\":[", "]}");
            Matcher c = CRITERION.matcher(prompt.substring(a.end()));
            while (c.find()) {
                String criterion = c.group(1);
                boolean passed = QUOTED.matcher(criterion).results()
                        .allMatch(q -> answer.contains(q.group(1).toLowerCase(Locale.ROOT)));
                criteria.add("{\"name\":\"" + criterion.replace("\"", "\\\"") + "\",\"passed\":" + passed
                        + ",\"reason\":\"" + (passed ? "the quoted words are there" : "a quoted word is missing")
                        + "\"}");
            }
            return criteria.toString();
        }
    }

    /*
     * Pointing the judge at a real model changes only the spec. Use a model at least as strong as
     * the one being judged, and from another family when you can:
     *
     *   -Dllmbench.judge=ollama:qwen3:8b
     *   -Dllmbench.judge=openrouter:openai/gpt-4o-mini        (needs OPENROUTER_API_KEY)
     *
     * The judge is created once per grader configuration and sends requests at temperature 0 with
     * a JSON schema. Providers that support structured output enforce the schema.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_12_LlmJudge
     *   java -Dllmbench.model=ollama:gemma4:e4b -Dllmbench.judge=ollama:qwen3:8b \
     *        -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_12_LlmJudge
     */
}
