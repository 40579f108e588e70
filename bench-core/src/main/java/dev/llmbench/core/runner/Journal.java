package dev.llmbench.core.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.results.TrialKey;
import dev.llmbench.core.results.TrialRecord;
import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's append-only journal, {@code journal.jsonl}: one JSON object per line, written with
 * one {@code write} call per line straight to the OS (no user-space buffer), so a killed process
 * loses at most the line it was writing.
 *
 * <p>Line types: {@code session} (a run or resume started), {@code warmup} (a warmup request's
 * latency) and {@code trial} (a finished, graded trial, lossless). On open, a torn last line is
 * detected, dropped and cut from the file; a corrupt line elsewhere is an error. A trial key that
 * appears twice keeps its first record.
 *
 * <p>Thread-safe: appends are serialised.
 *
 * @since 0.1
 */
public final class Journal implements AutoCloseable {
    /** The journal's file name inside a run directory. */
    public static final String FILE_NAME = "journal.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private final FileOutputStream out;
    private final Map<TrialKey, TrialRecord> trials = new LinkedHashMap<>();
    private final List<Session> sessions = new ArrayList<>();
    private final Map<String, Double> coldStarts = new LinkedHashMap<>();
    private boolean tornLineDropped;

    /** A session: when it started and the trials it finished, in journal order. */
    record Session(Instant startedAt, List<TrialRecord> trials) {}

    private Journal(Path file) throws IOException {
        this.file = file;
        load();
        // A FileOutputStream, not a FileChannel: an interrupted thread must not close the journal.
        this.out = new FileOutputStream(file.toFile(), true);
    }

    /**
     * Opens (creating when missing) the journal of a run directory and loads what it holds.
     *
     * @throws BenchRunException when it cannot be read or a line other than the last is corrupt
     */
    public static Journal open(Path runDir) {
        Checks.notNull(runDir, "runDir");
        try {
            Files.createDirectories(runDir);
            return new Journal(runDir.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new BenchRunException("cannot open the journal in " + runDir + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int lineStart = 0;
        int lineNo = 0;
        long goodLength = 0;
        while (lineStart < bytes.length) {
            int nl = indexOf(bytes, (byte) '\n', lineStart);
            boolean last = nl < 0 || nl == bytes.length - 1;
            int end = nl < 0 ? bytes.length : nl;
            lineNo++;
            String line = new String(bytes, lineStart, end - lineStart, StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                try {
                    if (nl < 0) {
                        throw new IllegalArgumentException("no line end");
                    }
                    accept(JsonCodec.MAPPER.readTree(line));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    if (!last) {
                        throw new BenchRunException("journal " + file + " line " + lineNo + " is corrupt ("
                                + e.getMessage() + "); move the line out of the file to resume");
                    }
                    LOG.warn("journal {}: dropped a torn last line ({} bytes)", file, end - lineStart);
                    tornLineDropped = true;
                    break;
                }
            }
            goodLength = nl < 0 ? bytes.length : nl + 1;
            lineStart = nl < 0 ? bytes.length : nl + 1;
        }
        if (goodLength < bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(goodLength);
            }
        }
    }

    private void accept(JsonNode n) {
        String type = n.path("type").asText("");
        switch (type) {
            case "session" -> sessions.add(new Session(Instant.parse(n.get("started_at").asText()), new ArrayList<>()));
            case "warmup" -> {
                if (n.hasNonNull("latency_ms")) {
                    coldStarts.putIfAbsent(n.get("model").asText(), n.get("latency_ms").asDouble());
                }
            }
            case "trial" -> {
                TrialRecord t = JsonCodec.readTrial(n);
                if (trials.putIfAbsent(t.key(), t) == null) {
                    if (sessions.isEmpty()) {
                        sessions.add(new Session(t.startedAt(), new ArrayList<>()));
                    }
                    sessions.get(sessions.size() - 1).trials().add(t);
                }
            }
            default -> throw new IllegalArgumentException("unknown line type \"" + type + "\"");
        }
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Records that a session (a run or a resume) starts now. */
    public synchronized void appendSession(Instant startedAt) {
        ObjectNode n = JsonCodec.MAPPER.createObjectNode();
        n.put("type", "session");
        n.put("started_at", startedAt.toString());
        write(n);
        sessions.add(new Session(startedAt, new ArrayList<>()));
    }

    /** Records a warmup request; the first one per model is its cold start. */
    public synchronized void appendWarmup(String model, int index, OptionalDouble latencyMs, String errorClass) {
        ObjectNode n = JsonCodec.MAPPER.createObjectNode();
        n.put("type", "warmup");
        n.put("model", model);
        n.put("index", index);
        if (latencyMs.isPresent()) {
            n.put("latency_ms", latencyMs.getAsDouble());
            coldStarts.putIfAbsent(model, latencyMs.getAsDouble());
        } else {
            n.putNull("latency_ms");
        }
        n.put("error", errorClass);
        write(n);
    }

    /**
     * Appends a finished trial and flushes it to the OS before returning.
     *
     * @return false when a record with the same key was already journaled (it is not written again)
     */
    public synchronized boolean appendTrial(TrialRecord trial) {
        if (trials.containsKey(trial.key())) {
            return false;
        }
        ObjectNode n = JsonCodec.trial(trial, true);
        ObjectNode line = JsonCodec.MAPPER.createObjectNode();
        line.put("type", "trial");
        line.setAll(n);
        write(line);
        trials.put(trial.key(), trial);
        if (sessions.isEmpty()) {
            sessions.add(new Session(trial.startedAt(), new ArrayList<>()));
        }
        sessions.get(sessions.size() - 1).trials().add(trial);
        return true;
    }

    private void write(ObjectNode n) {
        try {
            byte[] bytes = (JsonCodec.MAPPER.writer().without(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(n) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
        } catch (IOException e) {
            throw new BenchRunException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether a trial with this key is journaled. */
    public synchronized boolean contains(TrialKey key) {
        return trials.containsKey(key);
    }

    /** All journaled trials, in journal order. */
    public synchronized List<TrialRecord> trials() {
        return List.copyOf(trials.values());
    }

    /** Sessions in order, each with the trials it finished. */
    synchronized List<Session> sessions() {
        return sessions.stream().map(s -> new Session(s.startedAt(), List.copyOf(s.trials()))).toList();
    }

    /** The cold-start latency (first warmup) of a model in milliseconds, when journaled. */
    public synchronized OptionalDouble coldStartMs(String model) {
        Double v = coldStarts.get(model);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Whether opening found and dropped a torn last line. */
    public boolean tornLineDropped() {
        return tornLineDropped;
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the journal {} failed: {}", file, e.getMessage());
        }
    }
}
