package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.results.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmbench grade}: the calibration responses of a standard case grade as they must. */
class GradeCommandTest {
    @TempDir
    Path tmp;

    private BenchTest test;
    private TestCase testCase;

    @BeforeEach
    void pickAStandardCase() {
        test = ServiceRegistry.discover().testsOf("standard").stream()
                .filter(t -> t.id().equals("basic_reasoning")).findFirst().orElseThrow();
        testCase = test.cases().get(0);
    }

    @Test
    void passesTheCalibrationReference() throws Exception {
        Path response = Files.writeString(tmp.resolve("r.txt"), testCase.calibration().reference().orElseThrow());
        Outcome o = CliRunner.run("grade", "--test", test.id(), "--case", testCase.id(), "--response", response.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        JsonNode n = JsonCodec.MAPPER.readTree(o.out());
        assertThat(n.path("test").asText()).isEqualTo(test.id());
        assertThat(n.path("case").asText()).isEqualTo(testCase.id());
        assertThat(n.path("passed").asBoolean()).isTrue();
        assertThat(n.path("score").asDouble()).isGreaterThanOrEqualTo(n.path("threshold").asDouble());
        assertThat(n.path("checks").size()).isPositive();
        for (String f : new String[] {"name", "passed", "weight", "expected", "actual"}) {
            assertThat(n.path("checks").get(0).has(f)).as("checks[].%s", f).isTrue();
        }
    }

    @Test
    void exitsOneForAFailingResponse() throws Exception {
        Path response = Files.writeString(tmp.resolve("r.txt"), testCase.calibration().failing().get(0));
        Outcome o = CliRunner.run("grade", "--test", test.id(), "--case", testCase.id(), "--response", response.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(JsonCodec.MAPPER.readTree(o.out()).path("passed").asBoolean()).isFalse();
    }

    @Test
    void readsTheResponseFromStdin() {
        Outcome o = CliRunner.runWithStdin(testCase.calibration().reference().orElseThrow(),
                "grade", "--test", test.id(), "--case", testCase.id(), "--response", "-");
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void rejectsAnUnknownTestListingTheKnownOnes() throws Exception {
        Path response = Files.writeString(tmp.resolve("r.txt"), "Answer: 1");
        Outcome o = CliRunner.run("grade", "--test", "no_such_test", "--response", response.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("no_such_test").contains("basic_reasoning");
    }

    @Test
    void asksForACaseWhenTheTestHasSeveral() throws Exception {
        Path response = Files.writeString(tmp.resolve("r.txt"), "Answer: 1");
        Outcome o = CliRunner.run("grade", "--test", test.id(), "--response", response.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("--case").contains(testCase.id());
    }

    @Test
    void rejectsAnUnknownCase() throws Exception {
        Path response = Files.writeString(tmp.resolve("r.txt"), "Answer: 1");
        Outcome o = CliRunner.run("grade", "--test", test.id(), "--case", "nope", "--response", response.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("nope").contains(testCase.id());
    }
}
