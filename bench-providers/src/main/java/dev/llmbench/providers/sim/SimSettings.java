package dev.llmbench.providers.sim;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Durations;
import dev.llmbench.core.spi.ProviderConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parsed configuration of one {@code sim} provider. Immutable and thread-safe.
 *
 * @param mode            which text the simulator streams; never null
 * @param ttftNanos       the delay before the first token, in nanoseconds, {@code >= 0}
 * @param tokensPerSecond output tokens per second after the first, finite and {@code > 0}
 * @param jitter          relative jitter in [0, 1]: every delay is multiplied by a factor drawn
 *                        uniformly from [1 - jitter, 1 + jitter]
 * @param errorRate       the probability in [0, 1] that a request fails
 * @param seed            the base seed of all random decisions
 */
record SimSettings(Mode mode, long ttftNanos, double tokensPerSecond, double jitter, double errorRate, long seed) {

    /** What the simulator streams. */
    enum Mode {
        /** The request's calibration reference ({@code ChatRequest.ATTR_REFERENCE}). */
        ORACLE,
        /** The last user message. */
        ECHO
    }

    static final long DEFAULT_TTFT_NANOS = 150_000_000L;
    static final double DEFAULT_TPS = 60.0;
    static final double DEFAULT_JITTER = 0.2;
    static final String VALID_KEYS = "ttft, tps, jitter, error_rate, seed";

    /**
     * Cassette extras every provider may receive ({@code --record DIR} passes {@code record_dir} to
     * all of them). The simulator sends no HTTP, so it has nothing to record or replay: these
     * extras are accepted in provider extras and ignored, as is the runner's
     * {@code min_connections} (the simulator has no connection pool).
     */
    static final java.util.Set<String> NOTHING_TO_RECORD = java.util.Set.of("record_dir", "replay_dir", "replay_speed",
            ProviderConfig.EXTRA_MIN_CONNECTIONS);

    private static final long MAX_TTFT_NANOS = 3_600_000_000_000L;
    private static final Pattern DECIMAL = Pattern.compile("[+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final String EXAMPLE = "e.g. sim:oracle?ttft=200ms&tps=50&jitter=0.1&error_rate=0.05&seed=7";

    /**
     * Parses {@code config.model()} ({@code oracle} or {@code echo}, optionally followed by
     * {@code ?key=value&...}) and the same keys in {@code config.extras()}; keys in the model
     * string win over extras. The cassette extras {@link #NOTHING_TO_RECORD} are ignored.
     *
     * @throws BenchConfigurationException with one actionable line on an unknown model, an unknown
     *         key, a duplicate key or a bad value
     */
    static SimSettings parse(ProviderConfig config) {
        String spec = config.model().strip();
        int q = spec.indexOf('?');
        String name = q < 0 ? spec : spec.substring(0, q);
        Mode mode = switch (name) {
            case "oracle" -> Mode.ORACLE;
            case "echo" -> Mode.ECHO;
            default -> throw new BenchConfigurationException("unknown sim model '" + name + "' in 'sim:" + spec
                    + "'; use sim:oracle (streams the test case's calibrated reference answer) or sim:echo"
                    + " (streams the last user message back)");
        };
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : config.extras().entrySet()) {
            String key = e.getKey().strip();
            if (NOTHING_TO_RECORD.contains(key)) {
                continue;
            }
            requireKnown(key, "provider extras");
            values.put(key, e.getValue().strip());
            origins.put(key, "provider extras (" + key + "=" + e.getValue().strip() + ")");
        }
        if (q >= 0) {
            Map<String, String> fromSpec = new LinkedHashMap<>();
            String where = "'sim:" + spec + "'";
            for (String part : spec.substring(q + 1).split("&", -1)) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new BenchConfigurationException("sim: malformed parameter '" + part + "' in " + where
                            + "; expected key=value with keys " + VALID_KEYS + " (" + EXAMPLE + ")");
                }
                String key = part.substring(0, eq).strip();
                requireKnown(key, where);
                if (fromSpec.put(key, part.substring(eq + 1).strip()) != null) {
                    throw new BenchConfigurationException("sim: parameter '" + key + "' is given twice in " + where
                            + "; give each of " + VALID_KEYS + " at most once");
                }
                origins.put(key, where);
            }
            values.putAll(fromSpec);
        }
        long ttft = values.containsKey("ttft")
                ? duration(values.get("ttft"), origins.get("ttft"))
                : DEFAULT_TTFT_NANOS;
        double tps = values.containsKey("tps")
                ? number("tps", values.get("tps"), origins.get("tps"), 0, Double.MAX_VALUE, false,
                        "output tokens per second, a number > 0 such as tps=50")
                : DEFAULT_TPS;
        double jitter = values.containsKey("jitter")
                ? number("jitter", values.get("jitter"), origins.get("jitter"), 0, 1, true,
                        "relative jitter, a number from 0 to 1 such as jitter=0.1")
                : DEFAULT_JITTER;
        double errorRate = values.containsKey("error_rate")
                ? number("error_rate", values.get("error_rate"), origins.get("error_rate"), 0, 1, true,
                        "a failure probability from 0 to 1 such as error_rate=0.05")
                : 0.0;
        long seed = values.containsKey("seed") ? seed(values.get("seed"), origins.get("seed")) : 0L;
        return new SimSettings(mode, ttft, tps, jitter, errorRate, seed);
    }

    private static void requireKnown(String key, String where) {
        switch (key) {
            case "ttft", "tps", "jitter", "error_rate", "seed" -> { }
            default -> throw new BenchConfigurationException("sim: unknown parameter '" + key + "' in " + where
                    + "; valid keys: " + VALID_KEYS + " (" + EXAMPLE + ")");
        }
    }

    private static long duration(String value, String where) {
        try {
            long nanos = Durations.parse(value).toNanos();
            if (nanos <= MAX_TTFT_NANOS) {
                return nanos;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // reported below with the sim-specific hint
        }
        throw bad("ttft", value, where, "a duration from 0 to 1 hour with a unit ms, s or us, such as ttft=200ms");
    }

    private static double number(String key, String value, String where, double min, double max,
            boolean minInclusive, String expected) {
        if (DECIMAL.matcher(value).matches()) {
            double d = Double.parseDouble(value);
            boolean aboveMin = minInclusive ? d >= min : d > min;
            if (aboveMin && d <= max && Double.isFinite(d)) {
                return d;
            }
        }
        throw bad(key, value, where, expected);
    }

    private static long seed(String value, String where) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad("seed", value, where, "a whole number (a 64-bit long) such as seed=7");
        }
    }

    private static BenchConfigurationException bad(String key, String value, String where, String expected) {
        return new BenchConfigurationException("sim: bad value '" + value + "' for " + key + " in " + where
                + "; expected " + expected + " (valid keys: " + VALID_KEYS + ")");
    }
}
