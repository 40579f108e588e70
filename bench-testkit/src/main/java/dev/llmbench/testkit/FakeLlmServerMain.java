package dev.llmbench.testkit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the load benchmark's server ({@link GroundTruthServer}) in its own JVM:
 *
 * <pre>
 * java -cp CLASSPATH dev.llmbench.testkit.FakeLlmServerMain --port 11600 --format ollama \
 *      --ttft-ms 200 --itl-ms 50 --tokens 100 [--done-gap-ms ITL] [--bind 127.0.0.1] \
 *      [--backlog 4096] [--max-connections 8192] [--emitters 1] [--log gt.json]
 * </pre>
 *
 * Prints one line {@code FakeLlmServerMain listening on http://HOST:PORT pid=PID ...} once it
 * accepts connections, then serves until SIGINT/SIGTERM, when it dumps the ground truth to
 * {@code --log} (if given and not empty) and exits. Bad arguments print the problem and the usage
 * to stderr and exit with status 2.
 *
 * @since 0.1
 */
public final class FakeLlmServerMain {

    /** Default connection cap of the standalone server (one thread each). */
    public static final int DEFAULT_MAX_CONNECTIONS = 8192;
    /** Default number of shared timer threads writing the streams. */
    public static final int DEFAULT_EMITTERS = 1;
    /** Default listen backlog of the standalone server. */
    public static final int DEFAULT_BACKLOG = 4096;

    static final String USAGE = "usage: FakeLlmServerMain --port P --format ollama|openai|anthropic --ttft-ms T"
            + " --itl-ms I --tokens N [--done-gap-ms G (default I)] [--bind 127.0.0.1] [--backlog "
            + DEFAULT_BACKLOG + "] [--max-connections " + DEFAULT_MAX_CONNECTIONS + "] [--emitters "
            + DEFAULT_EMITTERS + " (0: a sleeping thread per stream)] [--log FILE]";

    /**
     * The parsed command line. Immutable and thread-safe.
     *
     * @param config where to listen, never null
     * @param format the wire format served, never null
     * @param params the default reply schedule, never null
     * @param log the default dump file, or null
     */
    public record Options(ServerConfig config, WireFormat format, StreamParams params, Path log) {
    }

    private static final java.util.Set<String> OPTIONS = java.util.Set.of("port", "format", "ttft-ms", "itl-ms",
            "tokens", "done-gap-ms", "bind", "backlog", "max-connections", "emitters", "log");

    private FakeLlmServerMain() {
    }

    /**
     * Parses and validates the command line ({@code --name value} or {@code --name=value}).
     *
     * @param args the arguments, never null
     * @return the options, never null
     * @throws IllegalArgumentException with a message naming the bad or missing argument
     */
    public static Options parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                name = a.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " given twice");
            }
        }
        for (String required : new String[] {"port", "format", "ttft-ms", "itl-ms", "tokens"}) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        int port = integer(values, "port", 0, 65535);
        WireFormat format = format(values.get("format"));
        double itl = millis(values, "itl-ms");
        StreamParams params = StreamParams.ofMillis(millis(values, "ttft-ms"), itl,
                integer(values, "tokens", 1, StreamParams.MAX_TOKENS),
                values.containsKey("done-gap-ms") ? millis(values, "done-gap-ms") : itl);
        String bind = values.getOrDefault("bind", "127.0.0.1");
        ServerConfig config;
        try {
            config = new ServerConfig(bind, port,
                    values.containsKey("backlog") ? integer(values, "backlog", 1, 65535) : DEFAULT_BACKLOG,
                    values.containsKey("max-connections") ? integer(values, "max-connections", 1, 1_000_000)
                            : DEFAULT_MAX_CONNECTIONS,
                    values.containsKey("emitters") ? integer(values, "emitters", 0, 64) : DEFAULT_EMITTERS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bind: " + e.getMessage(), e);
        }
        String log = values.get("log");
        if (log != null && log.isBlank()) {
            throw new IllegalArgumentException("--log must not be empty");
        }
        return new Options(config, format, params, log == null ? null : Path.of(log));
    }

    /**
     * Starts the server the options describe.
     *
     * @param options parsed options, never null
     * @return the running server, never null
     */
    public static GroundTruthServer serve(Options options) {
        return GroundTruthServer.start(options.config(), options.format(), options.params(), options.log());
    }

    /**
     * Entry point; see the class comment.
     *
     * @param args the command line
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err, true));
    }

    /** Parses, starts and (when {@code block}) serves until the JVM is asked to stop; @return the exit status */
    static int run(String[] args, PrintStream out, PrintStream err, boolean block) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("FakeLlmServerMain: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        GroundTruthServer gt;
        try {
            gt = serve(options);
        } catch (RuntimeException e) {
            err.println("FakeLlmServerMain: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
            return 1;
        }
        StreamParams p = options.params();
        out.printf(Locale.ROOT, "FakeLlmServerMain listening on %s pid=%d format=%s ttft_ms=%s itl_ms=%s tokens=%d"
                + " done_gap_ms=%s backlog=%d max_connections=%d emitters=%d%n", gt.server().baseUrl(), ProcessHandle.current().pid(),
                options.format().name().toLowerCase(Locale.ROOT), p.ttftNanos() / 1e6, p.itlNanos() / 1e6, p.tokens(),
                p.doneGapNanos() / 1e6, options.config().backlog(), options.config().maxConnections(),
                options.config().emitters());
        out.flush();
        if (!block) {
            gt.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (options.log() != null && !gt.server().exchanges().isEmpty()) {
                int n = gt.dump(options.log());
                out.println("dumped " + n + " requests to " + options.log());
            }
            gt.close();
            stopped.countDown();
        }, "fake-llm-shutdown"));
        stopped.await();
        return 0;
    }

    private static WireFormat format(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "ollama":
                return WireFormat.OLLAMA;
            case "openai":
                return WireFormat.OPENAI;
            case "anthropic":
                return WireFormat.ANTHROPIC;
            default:
                throw new IllegalArgumentException("--format must be ollama, openai or anthropic, not '" + value + "'");
        }
    }

    private static int integer(Map<String, String> values, String name, int min, int max) {
        String v = values.get(name);
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + v + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("--" + name + " (" + n + ") must be in " + min + ".." + max);
        }
        return (int) n;
    }

    private static double millis(Map<String, String> values, String name) {
        String v = values.get(name);
        double ms;
        try {
            ms = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number of milliseconds, not '" + v + "'");
        }
        StreamParams.nanos("--" + name, ms);
        return ms;
    }
}
