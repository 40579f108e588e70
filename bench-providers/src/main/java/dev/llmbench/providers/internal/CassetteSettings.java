package dev.llmbench.providers.internal;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether an HTTP provider records its exchanges into cassettes, replays them from cassettes, or
 * neither; part of {@link HttpSettings}. Immutable and thread-safe.
 *
 * <p>Set by three common extras: {@code record_dir} (a directory; every exchange is stored there
 * as one cassette file), {@code replay_dir} (a directory of cassettes; no HTTP client is created
 * and requests are answered from it) and {@code replay_speed} ({@code fast}, the default: deliver
 * recorded bytes at once; {@code recorded}: deliver each chunk at its recorded offset). Recording
 * and replay exclude each other.
 *
 * @param mode           off, record or replay
 * @param dir            the cassette directory, absolute; {@code Path.of("")} when off
 * @param recordedSpeed  in replay, whether chunks keep their recorded offsets
 * @param model          the provider config's model, written into cassettes so a replay can recreate the provider
 * @param configExtras   the provider config's extras without the three cassette extras, written likewise
 * @param connectTimeout the config's connect timeout, written likewise
 * @param requestTimeout the config's request timeout, written likewise
 */
public record CassetteSettings(Mode mode, Path dir, boolean recordedSpeed, String model,
        Map<String, String> configExtras, Duration connectTimeout, Duration requestTimeout) {

    /** The extra naming the directory to record into. */
    public static final String RECORD_DIR = ProviderConfig.EXTRA_RECORD_DIR;
    /** The extra naming the directory to replay from. */
    public static final String REPLAY_DIR = "replay_dir";
    /** The extra choosing the replay speed: {@code fast} (default) or {@code recorded}. */
    public static final String REPLAY_SPEED = "replay_speed";
    /** The three cassette extras. */
    public static final Set<String> EXTRAS = Set.of(RECORD_DIR, REPLAY_DIR, REPLAY_SPEED);

    /** Neither recording nor replaying. */
    public static final CassetteSettings OFF = new CassetteSettings(Mode.OFF, Path.of(""), false, "",
            Map.of(), Duration.ofSeconds(10), Duration.ofSeconds(300));

    /** What the transport does with cassettes. */
    public enum Mode {
        /** Live HTTP only. */
        OFF,
        /** Live HTTP, every exchange also written to a cassette. */
        RECORD,
        /** No HTTP: every exchange is served from a cassette. */
        REPLAY
    }

    /** Validates the components and copies the map. */
    public CassetteSettings {
        Checks.notNull(mode, "mode");
        Checks.notNull(dir, "dir");
        Checks.notNull(model, "model");
        configExtras = Map.copyOf(Checks.notNull(configExtras, "configExtras"));
        Checks.notNull(connectTimeout, "connectTimeout");
        Checks.notNull(requestTimeout, "requestTimeout");
    }

    /**
     * Reads the cassette extras of {@code config}.
     *
     * @throws BenchConfigurationException one line when both directories are set, a directory is
     *         unusable or the speed is unknown
     */
    static CassetteSettings resolve(String id, ProviderConfig config) {
        Map<String, String> x = config.extras();
        String record = x.get(RECORD_DIR);
        String replay = x.get(REPLAY_DIR);
        String speed = x.get(REPLAY_SPEED);
        if (record != null && replay != null) {
            throw new BenchConfigurationException("provider '" + id + "': record_dir and replay_dir cannot both be set;"
                    + " a replayed exchange is not recorded again");
        }
        if (speed != null && replay == null) {
            throw new BenchConfigurationException("provider '" + id + "': replay_speed applies only with replay_dir");
        }
        boolean recordedSpeed = false;
        if (speed != null) {
            String s = speed.strip().toLowerCase(Locale.ROOT);
            if (!s.equals("fast") && !s.equals("recorded")) {
                throw new BenchConfigurationException("provider '" + id + "': replay_speed must be fast or recorded, got \""
                        + speed + "\"");
            }
            recordedSpeed = s.equals("recorded");
        }
        if (record == null && replay == null) {
            return OFF;
        }
        Mode mode = record != null ? Mode.RECORD : Mode.REPLAY;
        Path dir = directory(id, mode == Mode.RECORD ? RECORD_DIR : REPLAY_DIR, mode == Mode.RECORD ? record : replay);
        if (mode == Mode.REPLAY && !Files.isDirectory(dir)) {
            throw new BenchConfigurationException("provider '" + id + "': replay_dir " + dir
                    + " is not a directory of recordings; record one with --record DIR");
        }
        if (mode == Mode.RECORD && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BenchConfigurationException("provider '" + id + "': record_dir " + dir
                    + " exists and is not a directory");
        }
        Map<String, String> extras = new HashMap<>(x);
        extras.keySet().removeAll(EXTRAS);
        return new CassetteSettings(mode, dir, recordedSpeed, config.model(), extras, config.connectTimeout(),
                config.requestTimeout());
    }

    private static Path directory(String id, String name, String value) {
        if (value.isBlank()) {
            throw new BenchConfigurationException("provider '" + id + "': " + name + " must name a directory");
        }
        try {
            return Path.of(value.strip()).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new BenchConfigurationException("provider '" + id + "': " + name + " \"" + value
                    + "\" is not a valid path (" + e.getReason() + ")");
        }
    }

    @Override
    public String toString() {
        return switch (mode) {
            case OFF -> "cassettes off";
            case RECORD -> "recording into " + dir;
            case REPLAY -> "replaying from " + dir + (recordedSpeed ? " at recorded speed" : "");
        };
    }
}
