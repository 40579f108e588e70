package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.cli.CliRunner.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --format} selects every report format, and an unknown one is a usage error. */
class RunFormatsTest {
    private static final String FAST_ORACLE = "sim:oracle?ttft=0ms&tps=100000&jitter=0";

    @TempDir
    Path tmp;

    @Test
    void writesEveryRequestedFormatAndListsItsFiles() throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = CliRunner.run("run", "--model", FAST_ORACLE, "--tests", "basic_reasoning", "--trials", "2",
                "--warmup", "0", "--format", "json,md,txt,html,csv,junit,hlog", "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        for (String f : new String[] {"result.json", "report.md", "summary.txt", "report.html", "trials.csv",
            "tests.csv", "junit.xml"}) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
            assertThat(o.out()).contains(dir.resolve(f).toString());
        }
        assertThat(o.out()).contains(dir.resolve("histograms").toString());
        try (Stream<Path> logs = Files.list(dir.resolve("histograms"))) {
            assertThat(logs.map(p -> p.getFileName().toString())).contains("sim_oracle_ttft_0ms_tps_100000_jitter_0-ttft.hlog",
                    "sim_oracle_ttft_0ms_tps_100000_jitter_0-latency.hlog");
        }
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg", "id=\"leaderboard\"");
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<testcase classname=\"" + FAST_ORACLE
                .replace("&", "&amp;") + "\" name=\"basic_reasoning\"");
    }

    @Test
    void rejectsAnUnknownFormatNamingTheKnownOnes() throws Exception {
        Outcome o = CliRunner.run("run", "--model", FAST_ORACLE, "--format", "json,pdf", "--out",
                tmp.resolve("bad").toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("pdf", "html, csv, junit, hlog");
    }
}
