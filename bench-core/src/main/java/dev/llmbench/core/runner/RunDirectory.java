package dev.llmbench.core.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.AtomicFiles;
import dev.llmbench.core.results.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's directory and its {@code run.json} (id, start time, options), which makes the run
 * resumable. Immutable and thread-safe.
 *
 * @param dir       the directory
 * @param id        the run id
 * @param startedAt when the run first started
 * @param options   the run's options (their output directory is {@code dir})
 */
record RunDirectory(Path dir, String id, Instant startedAt, Options options) {
    static final String RUN_FILE = "run.json";
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** A new run id for a run started at {@code now}: UTC date-time and 4 random hex digits. */
    static String newId(Instant now) {
        return ID_FORMAT.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** Creates a new run directory; refuses one that already holds a run. */
    static RunDirectory create(Options options, Clock clock) {
        Instant now = clock.instant();
        String id = newId(now);
        Path dir = options.outputDir().orElse(Path.of(Defaults.RESULTS_ROOT, id)).toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(RUN_FILE)) || Files.exists(dir.resolve(Journal.FILE_NAME))) {
            throw new BenchConfigurationException("output directory " + dir
                    + " already holds a run; continue it with --resume " + dir + " or choose another --out");
        }
        Options withDir = options.toBuilder().outputDir(dir).build();
        ObjectNode n = JsonCodec.MAPPER.createObjectNode();
        n.put("id", id);
        n.put("started_at", now.toString());
        n.set("options", JsonCodec.MAPPER.valueToTree(withDir.toMap()));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BenchConfigurationException("cannot create the run directory " + dir
                    + ": a file of that name is in the way; choose another --out");
        }
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(RUN_FILE), JsonCodec.MAPPER.writeValueAsString(n));
        } catch (IOException e) {
            throw new BenchConfigurationException("cannot create the run directory " + dir + " (" + e
                    + "); choose a writable --out", e);
        }
        return new RunDirectory(dir, id, now, withDir);
    }

    /** Loads an existing run directory for {@code --resume}. */
    @SuppressWarnings("unchecked")
    static RunDirectory load(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path file = abs.resolve(RUN_FILE);
        if (!Files.isRegularFile(file)) {
            throw new BenchConfigurationException("cannot resume " + abs + ": it has no " + RUN_FILE
                    + " (is it a run directory written by llmbench run --out?)");
        }
        try {
            JsonNode n = JsonCodec.MAPPER.readTree(file.toFile());
            Map<String, Object> opts = JsonCodec.MAPPER.convertValue(n.get("options"), Map.class);
            return new RunDirectory(abs, n.get("id").asText(), Instant.parse(n.get("started_at").asText()),
                    Options.fromMap(opts, abs));
        } catch (IOException | RuntimeException e) {
            if (e instanceof BenchConfigurationException b) {
                throw b;
            }
            throw new BenchConfigurationException("cannot resume " + abs + ": " + RUN_FILE + " is unreadable ("
                    + e.getMessage() + ")", e);
        }
    }
}
