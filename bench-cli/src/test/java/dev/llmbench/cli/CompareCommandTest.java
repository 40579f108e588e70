package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.results.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llmbench compare} on real {@code sim} runs made through the CLI. The runs use a few tests
 * of the standard suite and sub-millisecond simulated timings (latency regressions need at least
 * 5 ms, so scheduler noise cannot fail a gate), except the one that is deliberately 60 ms slower.
 */
class CompareCommandTest {
    private static final String FAST = "ttft=0ms&tps=100000&jitter=0";
    private static final String TESTS = "basic_reasoning|adversarial|recent_knowledge|instruction_following";

    @TempDir
    static Path runs;

    @TempDir
    Path tmp;

    /** oracle and echo in one run; flaky oracle; two oracle runs with error_rate 0.3 and different seeds; a slow oracle. */
    @BeforeAll
    static void makeRuns() {
        run("both", 42, "sim:oracle?" + FAST, "sim:echo?" + FAST);
        run("oracle", 42, "sim:oracle?" + FAST);
        run("oracle-again", 42, "sim:oracle?" + FAST);
        run("flaky", 42, "sim:oracle?" + FAST + "&error_rate=0.9");
        run("noisy1", 1, "sim:oracle?" + FAST + "&error_rate=0.3");
        run("noisy2", 2, "sim:oracle?" + FAST + "&error_rate=0.3");
        run("slow", 42, "sim:oracle?ttft=60ms&tps=100000&jitter=0");
    }

    private static void run(String dir, long seed, String... models) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--tests", TESTS, "--trials",
                "3", "--warmup", "0", "--seed", Long.toString(seed), "--format", "json", "--out",
                runs.resolve(dir).toString()));
        for (String m : models) {
            args.add("--model");
            args.add(m);
        }
        Outcome o = CliRunner.run(args.toArray(String[]::new));
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
    }

    private static String dir(String name) {
        return runs.resolve(name).toString();
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void namesTheOracleOverTheEchoOverallAndPerTest() {
        Outcome o = CliRunner.run("compare", dir("both"));

        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("Leaderboard (by quality)").contains("verdict: sim:oracle?" + FAST);
        assertThat(line(o.out(), "sim:oracle?")).contains("1.00");
        assertThat(line(o.out(), "basic_reasoning ")).endsWith("sim:oracle?" + FAST);
        assertThat(line(o.out(), "overall ")).endsWith("sim:oracle?" + FAST);
    }

    @Test
    void twoRunsOfTheSameModelWithDifferentSeedsAreATie() {
        Outcome o = CliRunner.run("compare", dir("noisy1"), dir("noisy2"));

        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("verdict: tie (n.s.)");
        assertThat(line(o.out(), "overall ")).endsWith("tie (n.s.)");
    }

    @Test
    void theSameSpecInTwoFilesIsLabelledByFile() {
        Outcome o = CliRunner.run("compare", dir("oracle"), dir("oracle-again"));

        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("oracle/result.json:sim:oracle?" + FAST)
                .contains("oracle-again/result.json:sim:oracle?" + FAST).contains("verdict: tie (n.s.)");
    }

    @Test
    void aWorseRunFailsTheRegressionGate() {
        Outcome o = CliRunner.run("compare", dir("flaky"), "--baseline", dir("oracle"), "--fail-on-regression");

        assertThat(o.exitCode()).as(o.out()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(o.out()).contains("REGRESSION (score)");
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: ")
                .contains("regression(s) against the baseline " + dir("oracle"));
    }

    @Test
    void aSlowerRunFailsTheGateOnLatency() {
        Outcome o = CliRunner.run("compare", dir("slow"), "--baseline", dir("oracle"), "--fail-on-regression");

        assertThat(o.exitCode()).as(o.out()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(line(o.out(), "(overall) ")).contains("REGRESSION (latency)");
        assertThat(o.out()).doesNotContain("REGRESSION (score");
    }

    @Test
    void aRunOfTheSameQualityPassesTheGate() {
        Outcome o = CliRunner.run("compare", dir("oracle-again"), "--baseline", dir("oracle"), "--fail-on-regression");

        assertThat(o.exitCode()).as(o.out() + o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("No significant regression against the baseline.");
        assertThat(o.err()).isEmpty();
    }

    @Test
    void readsASeedFileAndMarksWhatItLacks() throws Exception {
        Path seed = Path.of(getClass().getResource("seed-alpha.json").toURI());
        Outcome o = CliRunner.run("compare", seed.toString(), dir("oracle"));

        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(line(o.out(), "ollama-fixture-7b ")).contains("seed").contains("— (seed file has no CI)")
                .contains("— (seed file has no percentiles)").endsWith("0.76");
        assertThat(o.out()).contains("yes, exactly");
    }

    @Test
    void writesTheChosenFormatsAtomicallyIntoTheOutputDirectory() throws Exception {
        Path out = tmp.resolve("cmp");
        Outcome o = CliRunner.run("compare", dir("both"), "--baseline", dir("oracle"), "--format", "md,json,html",
                "--out", out.toString());

        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("Leaderboard (by quality)").contains(out.resolve("compare.md").toString())
                .contains(out.resolve("compare.json").toString()).contains(out.resolve("compare.html").toString());
        assertThat(out.resolve("compare.md")).content().contains("## Leaderboard (by quality)");
        assertThat(out.resolve("compare.html")).content().contains("Content-Security-Policy");
        assertThat(out.resolve("compare-models.html")).isRegularFile();
        JsonNode json = JsonCodec.MAPPER.readTree(out.resolve("compare.json").toFile());
        assertThat(json.path("schema").asText()).isEqualTo("llmbench.compare/v1");
        assertThat(json.path("leaderboard")).hasSize(2);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder("compare.md", "compare.json", "compare.html", "compare-models.html");
        }
    }

    @Test
    void printsJsonOnStdoutWhenAskedForOneFormat() throws Exception {
        Outcome o = CliRunner.run("compare", dir("both"), "--format", "json");

        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(JsonCodec.MAPPER.readTree(o.out()).path("head_to_head")).hasSize(1);
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        assertUsage(CliRunner.run("compare", dir("both"), "--fail-on-regression"), "--fail-on-regression needs --baseline");
        assertUsage(CliRunner.run("compare", dir("both"), "--format", "md,json"), "several formats need --out DIR");
        assertUsage(CliRunner.run("compare", dir("both"), "--format", "pdf"), "unknown compare format \"pdf\"");
        assertUsage(CliRunner.run("compare"), "Missing required parameter");
    }

    @Test
    void aFileOfAnotherKindExitsTwoNamingIt() throws Exception {
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"schema\": \"something.else/v2\"}");

        Outcome o = CliRunner.run("compare", other.toString());

        assertUsage(o, other + " is not an llmbench result: its schema is \"something.else/v2\"");
    }

    @Test
    void anUnreadableFileExitsThreeWithOneLine() throws Exception {
        Path missing = tmp.resolve("missing.json");
        Outcome o = CliRunner.run("compare", missing.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: cannot read " + missing
                + ": no such file");

        Path garbage = tmp.resolve("garbage.json");
        Files.writeString(garbage, "not json at all");
        o = CliRunner.run("compare", garbage.toString(), "--baseline", dir("oracle"));
        assertThat(o.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: cannot read " + garbage
                + ": not valid JSON");
        assertThat(o.out()).isEmpty();
    }

    private static void assertUsage(Outcome o, String message) {
        assertThat(o.exitCode()).as(o.out() + o.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: ").contains(message);
    }
}
