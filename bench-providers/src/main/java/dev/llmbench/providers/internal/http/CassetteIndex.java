package dev.llmbench.providers.internal.http;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Checks;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cassettes of one directory, read once: for each file its source, request key and sequence
 * number. Files not named like cassettes ({@code KEY-SEQ.json}) are ignored; a cassette that
 * cannot be read is a configuration error naming the file. Immutable and thread-safe.
 */
public final class CassetteIndex {
    /** One cassette file. */
    record Entry(Path file, CassetteSource source, String key, int sequence) {}

    private final Path dir;
    private final List<Entry> entries;

    private CassetteIndex(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the cassettes in {@code dir}.
     *
     * @throws BenchConfigurationException when {@code dir} is not a readable directory or a cassette is unreadable
     */
    public static CassetteIndex load(Path dir) {
        Checks.notNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new BenchConfigurationException("replay: " + dir + " is not a directory of recordings;"
                    + " record one with --record DIR");
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                if (!f.getFileName().toString().matches("[0-9a-f]{64}-\\d{1,9}\\.json")) {
                    continue;
                }
                try {
                    Cassette.Header h = Cassette.header(Json.MAPPER.readTree(f.toFile()));
                    entries.add(new Entry(f, h.source(), h.key(), h.sequence()));
                } catch (IOException | RuntimeException e) {
                    throw new BenchConfigurationException("replay: recording " + f + " cannot be read: "
                            + ErrorMapper.quote(String.valueOf(e.getMessage())), e);
                }
            }
        } catch (IOException e) {
            throw new BenchConfigurationException("replay: cannot read " + dir + ": " + e, e);
        }
        entries.sort(Comparator.comparing(Entry::key).thenComparingInt(Entry::sequence));
        return new CassetteIndex(dir, entries);
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** How many cassettes the directory holds. */
    public int size() {
        return entries.size();
    }

    /** The distinct provider configurations that recorded the cassettes, in a stable order. */
    public List<CassetteSource> sources() {
        Set<CassetteSource> out = new LinkedHashSet<>();
        entries.stream().map(Entry::source)
                .sorted(Comparator.comparing(CassetteSource::spec).thenComparing(CassetteSource::toString))
                .forEach(out::add);
        return List.copyOf(out);
    }

    /** How many cassettes {@code source} recorded. */
    public long count(CassetteSource source) {
        return entries.stream().filter(e -> e.source().equals(source)).count();
    }

    /** The files of {@code provider}'s cassettes by request key, each list in recorded order. */
    Map<String, List<Path>> filesByKey(String provider) {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.source().provider().equals(provider)) {
                out.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.file());
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}
