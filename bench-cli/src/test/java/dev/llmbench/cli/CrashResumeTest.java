package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.results.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL loses no finished trial: {@code --resume} completes it without
 * duplicates and keeps the trials recorded before the kill as they were.
 */
class CrashResumeTest {
    private static final int TRIALS = 4;
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void resumesARunKilledMidwayWithoutLosingOrDuplicatingTrials() throws Exception {
        Path dir = tmp.resolve("run");
        Path journal = dir.resolve("journal.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--model", "sim:oracle?ttft=20ms&tps=300", "--trials", Integer.toString(TRIALS),
                "--warmup", "0", "--out", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        List<JsonNode> beforeKill;
        try {
            long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
            while (trialLines(journal).size() < 3 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        beforeKill = trialLines(journal);
        assertThat(beforeKill).as("trials journaled before the kill; child log:%n%s", log()).hasSizeGreaterThanOrEqualTo(3);

        Outcome resumed = CliRunner.run("run", "--resume", dir.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.OK);

        List<JsonNode> all = trialLines(journal);
        Set<String> keys = new HashSet<>();
        for (JsonNode t : all) {
            assertThat(keys.add(key(t))).as("duplicate trial %s", key(t)).isTrue();
        }
        assertThat(beforeKill.size()).as("the child was killed before it finished").isLessThan(all.size());

        Map<String, String> startedBeforeKill = new HashMap<>();
        beforeKill.forEach(t -> startedBeforeKill.put(key(t), t.path("started_at").asText()));
        JsonNode model = JsonCodec.MAPPER.readTree(dir.resolve("result.json").toFile()).path("models").get(0);
        int preserved = 0;
        for (JsonNode test : model.path("tests")) {
            Set<String> cases = new HashSet<>();
            test.path("trials").forEach(t -> cases.add(t.path("case").asText()));
            assertThat(test.path("trials").size()).as(test.path("id").asText()).isEqualTo(cases.size() * TRIALS);
            for (JsonNode t : test.path("trials")) {
                String k = model.path("model").asText() + "/" + test.path("id").asText() + "/"
                        + t.path("case").asText() + "/" + t.path("trial").asInt();
                if (startedBeforeKill.containsKey(k)) {
                    assertThat(t.path("started_at").asText()).as(k).isEqualTo(startedBeforeKill.get(k));
                    preserved++;
                }
            }
        }
        assertThat(preserved).isEqualTo(beforeKill.size());
    }

    /** The complete trial lines of the journal (a torn last line is skipped). */
    private static List<JsonNode> trialLines(Path journal) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(journal)) {
            return out;
        }
        String text = Files.readString(journal);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return out;
        }
        for (String line : text.substring(0, end).split("\n")) {
            if (line.startsWith("{\"type\":\"trial\"")) {
                out.add(JsonCodec.MAPPER.readTree(line));
            }
        }
        return out;
    }

    private static String key(JsonNode t) {
        return t.path("model").asText() + "/" + t.path("test").asText() + "/" + t.path("case").asText() + "/"
                + t.path("trial").asInt();
    }

    private String log() throws IOException {
        Path log = tmp.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }
}
