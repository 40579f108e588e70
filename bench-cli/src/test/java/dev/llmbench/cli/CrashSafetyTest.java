package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.results.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@code llmbench run} in real child JVMs: a loop of SIGKILLs at seeded random
 * points, each followed by {@code --resume}, loses and duplicates nothing; a torn journal line is
 * dropped, not fatal; Ctrl-C (SIGINT) exits {@value ExitCodes#INTERRUPTED} with partial results
 * that {@code --resume} completes.
 */
class CrashSafetyTest {
    /** The kill loop's bound; it stops earlier when a run completes. */
    static final int MAX_KILLS = 20;
    private static final int TRIALS = 10;
    /** Three cases × {@link #TRIALS}: fast, but long enough to be killed many times. */
    private static final String TESTS = "^basic_reasoning$";
    private static final String MODEL = "sim:oracle?ttft=30ms&tps=2000";
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void aRunKilledRepeatedlyAtRandomPointsEndsWithEveryTrialExactlyOnce() throws Exception {
        Path dir = tmp.resolve("run");
        Path journal = dir.resolve("journal.jsonl");
        Random random = new Random(7);
        int kills = 0;
        int iterations = 0;
        boolean completed = false;
        while (!completed && iterations < MAX_KILLS + 1) {
            iterations++;
            Path log = tmp.resolve("child-" + iterations + ".log");
            Process child = iterations == 1
                    ? ChildCli.start(log, Map.of(), "run", "--model", MODEL, "--trials", Integer.toString(TRIALS),
                            "--warmup", "0", "--tests", TESTS, "--format", "json,md,csv", "--out", dir.toString())
                    : ChildCli.start(log, Map.of(), "run", "--resume", dir.toString());
            int before = completeLines(journal).size();
            // the last iteration runs to the end; the others are killed after 1..4 more trials
            int target = iterations > MAX_KILLS ? Integer.MAX_VALUE : before + 1 + random.nextInt(4);
            long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
            while (child.isAlive() && completeLines(journal).size() < target && System.nanoTime() < deadline) {
                Thread.sleep(random.nextInt(5));
            }
            if (child.isAlive() && target != Integer.MAX_VALUE) {
                child.destroyForcibly();
                kills++;
            }
            assertThat(child.waitFor(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("child hung").isTrue();
            if (child.exitValue() == ExitCodes.OK) {
                completed = true;
            } else {
                assertThat(child.exitValue()).as("exit after a kill; log:%n%s", Files.readString(log)).isEqualTo(137);
            }
            assertJournalIntact(journal);
            assertThat(tmpFiles(dir)).as("temporary files after iteration %d", iterations).isEmpty();
        }
        assertThat(completed).as("the run completed within %d kills", MAX_KILLS).isTrue();
        assertThat(kills).as("kills survived").isGreaterThanOrEqualTo(3);

        List<JsonNode> lines = completeLines(journal);
        assertThat(Files.readString(journal)).endsWith("\n");
        Set<String> keys = new HashSet<>();
        for (JsonNode t : trials(lines)) {
            assertThat(keys.add(key(t))).as("duplicate journal trial %s", key(t)).isTrue();
        }
        JsonNode model = JsonCodec.MAPPER.readTree(dir.resolve("result.json").toFile()).path("models").get(0);
        int reported = 0;
        Set<String> reportedKeys = new HashSet<>();
        for (JsonNode test : model.path("tests")) {
            Set<String> cases = new HashSet<>();
            test.path("trials").forEach(t -> cases.add(t.path("case").asText()));
            assertThat(test.path("trials").size()).as(test.path("id").asText()).isEqualTo(cases.size() * TRIALS);
            for (JsonNode t : test.path("trials")) {
                assertThat(reportedKeys.add(test.path("id").asText() + "/" + t.path("case").asText() + "/"
                        + t.path("trial").asInt())).isTrue();
                reported++;
            }
        }
        assertThat(reported).isEqualTo(keys.size());
        assertThat(Files.readString(dir.resolve("report.md"))).isNotBlank();
        assertThat(dir.resolve("trials.csv")).isNotEmptyFile();
        System.out.printf("kill loop: %d kills survived in %d iterations, %d trials each recorded once%n", kills,
                iterations, reported);
    }

    @Test
    void resumeThroughTheCliDropsATornLastJournalLine() throws Exception {
        Path dir = tmp.resolve("run");
        Outcome first = CliRunner.run("run", "--model", "sim:oracle?ttft=0ms&tps=100000", "--trials", "2",
                "--warmup", "0", "--tests", TESTS, "--out", dir.toString());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        String lastTrial = lines.stream().filter(l -> l.startsWith("{\"type\":\"trial\"")).reduce((a, b) -> b)
                .orElseThrow();
        // drop the last trial and leave half of it behind, as a kill mid-write would
        List<String> kept = new ArrayList<>(lines);
        kept.remove(lastTrial);
        Files.write(journal, kept, StandardCharsets.UTF_8);
        Files.writeString(journal, lastTrial.substring(0, lastTrial.length() / 2), StandardOpenOption.APPEND);

        Outcome resumed = CliRunner.run("run", "--resume", dir.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> all = completeLines(journal);
        assertThat(Files.readString(journal)).endsWith("\n");
        assertThat(trials(all)).hasSize(trials(lines.stream().map(CrashSafetyTest::parse).toList()).size());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void ctrlCExits130WithPartialResultsThatResumeCompletes() throws Exception {
        Path dir = tmp.resolve("run");
        Path journal = dir.resolve("journal.jsonl");
        Path log = tmp.resolve("child.log");
        Process child = ChildCli.start(log, Map.of(), "run", "--model", "sim:oracle?ttft=200ms&tps=2000", "--trials",
                Integer.toString(TRIALS), "--warmup", "0", "--tests", TESTS, "--out", dir.toString());
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (child.isAlive() && trials(completeLines(journal)).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(child.isAlive()).as("still running; log:%n%s", Files.readString(log)).isTrue();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        if (!child.waitFor(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(output).contains("llmbench: run interrupted").contains("--resume");
        JsonNode partial = JsonCodec.MAPPER.readTree(dir.resolve("result.json").toFile());
        assertThat(partial.path("models")).isNotEmpty();
        assertThat(dir.resolve("report.md")).isNotEmptyFile();
        int journaled = trials(completeLines(journal)).size();
        assertThat(journaled).isGreaterThanOrEqualTo(2);
        assertJournalIntact(journal);

        Outcome resumed = CliRunner.run("run", "--resume", dir.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.OK);
        assertThat(trials(completeLines(journal)).size()).isGreaterThan(journaled);
        Set<String> keys = new HashSet<>();
        trials(completeLines(journal)).forEach(t -> assertThat(keys.add(key(t))).as(key(t)).isTrue());
    }

    /** Every complete line parses and no trial is journaled twice. */
    private static void assertJournalIntact(Path journal) throws IOException {
        Set<String> keys = new HashSet<>();
        for (JsonNode t : trials(completeLines(journal))) {
            assertThat(keys.add(key(t))).as("duplicate trial %s", key(t)).isTrue();
        }
    }

    /** The parsed complete lines of the journal; an unterminated last line (torn by a kill) is left out. */
    private static List<JsonNode> completeLines(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return List.of();
        }
        String text = Files.readString(journal);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return Stream.of(text.substring(0, end).split("\n")).filter(l -> !l.isBlank()).map(CrashSafetyTest::parse)
                .toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JsonCodec.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("journal line does not parse: " + line, e);
        }
    }

    private static List<JsonNode> trials(List<JsonNode> lines) {
        return lines.stream().filter(l -> l.path("type").asText().equals("trial")).toList();
    }

    private static List<Path> tmpFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static String key(JsonNode t) {
        return t.path("model").asText() + "/" + t.path("test").asText() + "/" + t.path("case").asText() + "/"
                + t.path("trial").asInt();
    }
}
