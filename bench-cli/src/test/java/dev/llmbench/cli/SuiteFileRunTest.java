package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.suitefile.FileSuite;
import dev.llmbench.core.suitefile.SuiteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmbench run --suite FILE} with the shipped example, and its validation errors with the real graders. */
class SuiteFileRunTest {
    static final Path EXAMPLE = Path.of("..", "examples", "suites", "support-bot.yaml");
    static final String FAST = "?ttft=0ms&tps=100000&jitter=0";

    @TempDir
    Path tmp;

    @Test
    void theExampleLoadsWithTheBuiltInGradersAndVerifiedCalibration() {
        FileSuite suite = SuiteFiles.load(EXAMPLE, ServiceRegistry.discover());

        assertThat(suite.id()).isEqualTo("support-bot");
        assertThat(suite.tests()).extracting(BenchTest::id)
                .containsExactly("refund_policy", "ticket_triage", "outside_policy");
        assertThat(suite.tests()).allSatisfy(t -> assertThat(t.cases()).allSatisfy(c -> {
            assertThat(c.calibration().reference()).isPresent();
            assertThat(c.calibration().failing()).hasSizeGreaterThanOrEqualTo(2);
        }));
    }

    @Test
    void simOraclePassesEveryTestOfTheExample() throws IOException {
        JsonNode model = run("sim:oracle" + FAST);

        assertThat(model.at("/summary/tests_passed").asInt()).isEqualTo(3);
        assertThat(model.at("/summary/tests_total").asInt()).isEqualTo(3);
    }

    @Test
    void simEchoPassesNoTestOfTheExample() throws IOException {
        JsonNode model = run("sim:echo" + FAST);

        assertThat(model.at("/summary/tests_passed").asInt()).isZero();
        assertThat(model.at("/summary/quality").asDouble()).isLessThan(0.5);
    }

    @Test
    void anUnknownGraderExitsTwoWithFileLineAndField() throws IOException {
        Outcome o = runBroken("grader: numeric", "grader: numerc");

        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString()
                .matches("llmbench: .*broken\\.yaml:\\d+: tests\\[0]\\.cases\\[1]\\.graders\\[0]\\.grader: unknown grader"
                        + " \"numerc\" \\(did you mean \"numeric\"\\?\\); known: abstain, .*");
    }

    @Test
    void badGraderParametersPointAtTheParameter() throws IOException {
        Outcome o = runBroken("expected: 4.90", "expected: four ninety");

        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString()
                .contains("broken.yaml:" + lineOf("expected: 4.90") + ": tests[0].cases[1].graders[0].expected:")
                .contains("grader 'numeric'").contains("four ninety");
    }

    @Test
    void aMissingFieldAWrongTypeAndADuplicateIdExitTwo() throws IOException {
        assertThat(runBroken("    category: structured\n", "").errLines()).singleElement().asString()
                .endsWith("tests[1]: missing field \"category\"");
        assertThat(runBroken("pass_threshold: 0.75", "pass_threshold: [0.75]").errLines()).singleElement().asString()
                .endsWith("tests[0].pass_threshold: expected a number, got a list");
        assertThat(runBroken("- id: outside_policy", "- id: refund_policy").errLines()).singleElement().asString()
                .contains("tests[2].id: duplicate test id \"refund_policy\" (first at line");
    }

    @Test
    void aYamlSyntaxErrorExitsTwoWithItsLine() throws IOException {
        Outcome o = runBroken("values:", "values: [");

        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().matches("llmbench: .*broken\\.yaml:\\d+: YAML syntax error: .*");
    }

    @Test
    void aMissingSuiteFileExitsTwo() {
        Outcome o = CliRunner.run("run", "--model", "sim:oracle", "--suite", tmp.resolve("none.yaml").toString());

        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("none.yaml: no such suite file");
    }

    @Test
    void resumeAcceptsTheSameSuiteFileAndRejectsAnotherOne() throws IOException {
        Path out = tmp.resolve("run");
        run("sim:oracle" + FAST, out);

        Outcome same = CliRunner.run("run", "--resume", out.toString(), "--suite", EXAMPLE.toString());
        Path other = Files.writeString(tmp.resolve("other.yaml"),
                Files.readString(EXAMPLE).replace("id: support-bot", "id: other-bot"));
        Outcome different = CliRunner.run("run", "--resume", out.toString(), "--suite", other.toString());

        assertThat(same.exitCode()).as(same.err()).isEqualTo(ExitCodes.OK);
        assertThat(different.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(different.errLines()).singleElement().asString()
                .contains("ran suite \"support-bot\"").contains("defines suite \"other-bot\"");
    }

    private JsonNode run(String model) throws IOException {
        return run(model, tmp.resolve("run"));
    }

    private JsonNode run(String model, Path out) throws IOException {
        Outcome o = CliRunner.run("run", "--suite", EXAMPLE.toString(), "--model", model, "--trials", "2",
                "--warmup", "0", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        return new ObjectMapper().readTree(out.resolve("result.json").toFile()).at("/models/0");
    }

    private Outcome runBroken(String from, String to) throws IOException {
        String text = Files.readString(EXAMPLE);
        assertThat(text).contains(from);
        Path broken = Files.writeString(tmp.resolve("broken.yaml"), text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        return CliRunner.run("run", "--model", "sim:oracle", "--suite", broken.toString(), "--out",
                tmp.resolve("never").toString());
    }

    private static int lineOf(String text) throws IOException {
        var lines = Files.readAllLines(EXAMPLE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the example");
    }
}
