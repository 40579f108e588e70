package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.cli.CliRunner.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and error lines of {@code llmbench run}: every misuse is one line, before anything is created. */
class RunCommandTest {
    @TempDir
    Path tmp;

    @Test
    void rejectsAnUnknownProviderWithOneLineListingTheKnownOnesAndCreatesNothing() {
        Path out = tmp.resolve("run");
        Outcome o = CliRunner.run("run", "--model", "nope:x", "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.errLines().get(0)).startsWith("llmbench: ").contains("nope").contains("sim");
        assertThat(out).doesNotExist();
        assertThat(o.out()).isEmpty();
    }

    @Test
    void rejectsZeroTrials() {
        Outcome o = CliRunner.run("run", "--model", "sim:oracle", "--trials", "0", "--out", tmp.resolve("r").toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: ").contains("trials");
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void rejectsAnInvalidTestsPattern() {
        Outcome o = CliRunner.run("run", "--model", "sim:oracle", "--tests", "(", "--out", tmp.resolve("r").toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("not a valid regular expression");
    }

    @Test
    void rejectsAnUnparsableTimeout() {
        Outcome o = CliRunner.run("run", "--model", "sim:oracle", "--timeout", "soon");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("soon").contains("30s");
    }

    @Test
    void rejectsAnUnknownOptionInOneLine() {
        Outcome o = CliRunner.run("run", "--trails", "3");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: ");
    }

    @Test
    void rejectsResumeCombinedWithRunShapingOptions() {
        Outcome o = CliRunner.run("run", "--resume", tmp.toString(), "--model", "sim:oracle", "--trials", "2");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("--resume").contains("--model").contains("--trials");
    }

    @Test
    void rejectsResumingADirectoryWithoutRunJson() {
        Outcome o = CliRunner.run("run", "--resume", tmp.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("run.json");
    }

    @Test
    void reportsAnOutputPathThatIsARegularFileAsAConfigurationError() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Outcome o = CliRunner.run("run", "--model", "sim:oracle", "--warmup", "0", "--out", file.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString()
                .startsWith("llmbench: ").contains(file.toString()).contains("choose another --out");
    }

    @Test
    void printsTheStackTraceWithDebug() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Outcome o = CliRunner.run("run", "--model", "sim:oracle", "--out", file.toString(), "--debug");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("BenchConfigurationException").contains("\tat ");
    }

    @Test
    void exitsWithUsageWhenNoCommandIsGiven() {
        Outcome o = CliRunner.run();
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("missing command");
    }

    @Test
    void printsTheVersion() {
        Outcome o = CliRunner.run("--version");
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).startsWith("llmbench ");
    }
}
