package dev.llmbench.providers.internal.http;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the cassettes of one directory: hands out sequence numbers per request key (continuing
 * after the files already there, so a second recording session appends) and writes each cassette
 * atomically (temporary file, then rename) on one shared daemon writer thread, never on an I/O
 * thread. One instance per directory per JVM, shared by every transport recording into it.
 *
 * <p>Thread-safe. Two processes recording into one directory at the same time are not
 * coordinated: a file name taken meanwhile is skipped, so nothing is overwritten, but the order of
 * repeated requests is then the order of writing.
 */
final class CassetteRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(CassetteRecorder.class);
    private static final Pattern FILE = Pattern.compile("([0-9a-f]{64})-(\\d{1,9})\\.json");
    private static final ConcurrentHashMap<Path, CassetteRecorder> BY_DIR = new ConcurrentHashMap<>();
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "llmbench-cassette-writer");
        t.setDaemon(true);
        return t;
    });

    private final Path dir;
    private final ConcurrentHashMap<String, AtomicInteger> next = new ConcurrentHashMap<>();

    private CassetteRecorder(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
                for (Path f : files) {
                    Matcher m = FILE.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        int seq = Integer.parseInt(m.group(2));
                        next.computeIfAbsent(m.group(1), k -> new AtomicInteger()).accumulateAndGet(seq + 1, Math::max);
                    }
                }
            }
        } catch (IOException e) {
            throw new BenchConfigurationException("cannot record into " + dir + ": " + e, e);
        }
    }

    /**
     * The recorder of {@code dir} (absolute), created with the directory when needed.
     *
     * @throws BenchConfigurationException when the directory cannot be created or read
     */
    static CassetteRecorder of(Path dir) {
        return BY_DIR.computeIfAbsent(dir.toAbsolutePath().normalize(), CassetteRecorder::new);
    }

    /** The next sequence number for {@code key}: 0 for its first recording in this directory. */
    int nextSequence(String key) {
        return next.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    }

    /**
     * Builds and writes a cassette on the writer thread, then runs {@code done} (also when writing
     * failed; a failure is logged with the file name, never thrown at the exchange).
     */
    void write(String key, int sequence, Supplier<Cassette> cassette, Runnable done) {
        try {
            WRITER.execute(() -> {
                try {
                    Cassette c = cassette.get();
                    int seq = sequence;
                    Path target = dir.resolve(Cassette.fileName(key, seq));
                    while (Files.exists(target)) { // another session took it meanwhile: never overwrite
                        seq = next.get(key).getAndIncrement();
                        target = dir.resolve(Cassette.fileName(key, seq));
                    }
                    if (seq != sequence) {
                        c = new Cassette(c.source(), c.key(), seq, c.request(), c.head(), c.chunks(), c.end(), c.outcome(),
                                c.finish());
                    }
                    AtomicFiles.write(target, c.toJson());
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not record the exchange {} #{} into {}: {}", key.substring(0, 12), sequence, dir,
                            e.toString());
                } finally {
                    done.run();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("could not record the exchange {} #{} into {}: writer stopped", key.substring(0, 12), sequence, dir);
            done.run();
        }
    }

    /** The directory. */
    Path dir() {
        return dir;
    }
}
