package dev.llmbench.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server side of the load benchmark: a {@link FakeLlmServer} answering every chat request of
 * one wire format with a fixed streamed reply on an absolute schedule ({@link StreamParams},
 * overridable per request by the {@code X-Fake-*} headers), whose {@link WriteStamp}s are dumped
 * as ground truth in the JSON shape of {@code bench-anchor/fake_ollama.py}, so that
 * {@code analyze_client.py} reads it unchanged.
 *
 * <p>Control endpoints: {@code POST /_gt/reset} forgets the log and restarts the CPU and wall
 * clocks; {@code GET /_gt/dump?file=PATH} waits (up to 10 s) until no chat reply is being
 * written, writes the log to {@code PATH} (or the default log file), answers
 * {@code {"ok":true,"file":PATH,"requests":N}} and then forgets the log, as {@code /_gt/reset}.
 * Token {@code i} is the text {@code "tok<i> "}; a chat request on another format's path gets a
 * 404 in its own format, a bad override header a 400.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class GroundTruthServer implements AutoCloseable {

    /** Wait for in-progress replies before a dump. */
    static final Duration DUMP_WAIT = Duration.ofSeconds(10);
    private static final Set<String> CHAT_PATHS = Set.of("/api/chat", "/api/generate", "/v1/chat/completions",
            "/v1/messages");
    private static final int MAX_CACHED_REPLIES = 256;

    private final FakeLlmServer server;
    private final WireFormat format;
    private final StreamParams defaults;
    private final Path defaultLog;
    private final int emitters;
    private final Map<StreamParams, Reply> replies = new ConcurrentHashMap<>();
    private ProcessCpu cpu0;
    private long emitterCpu0;
    private long wall0;

    private GroundTruthServer(FakeLlmServer server, WireFormat format, StreamParams defaults, Path defaultLog,
            int emitters) {
        this.server = server;
        this.emitters = emitters;
        this.format = format;
        this.defaults = defaults;
        this.defaultLog = defaultLog;
        restartClocks();
    }

    /**
     * Starts the server.
     *
     * @param config where to listen, never null
     * @param format {@link WireFormat#OLLAMA}, {@link WireFormat#OPENAI} or {@link WireFormat#ANTHROPIC}
     * @param defaults the reply schedule when a request has no override headers, never null
     * @param defaultLog where {@code /_gt/dump} without {@code file} writes; null to require {@code file}
     * @return the running server, never null
     * @throws IllegalArgumentException if the format is not one of the three
     * @throws UncheckedIOException if the socket cannot be bound
     */
    public static GroundTruthServer start(ServerConfig config, WireFormat format, StreamParams defaults,
            Path defaultLog) {
        Objects.requireNonNull(defaults, "defaults");
        if (format != WireFormat.OLLAMA && format != WireFormat.OPENAI && format != WireFormat.ANTHROPIC) {
            throw new IllegalArgumentException("format (" + format + ") must be OLLAMA, OPENAI or ANTHROPIC");
        }
        FakeLlmServer server = FakeLlmServer.start(config);
        GroundTruthServer gt = new GroundTruthServer(server, format, defaults, defaultLog, config.emitters());
        server.defaultReplyFrom(gt::reply);
        server.endpoint("POST", "/_gt/reset", request -> {
            gt.reset();
            return Reply.status(200, "{\"ok\":true}");
        });
        server.endpoint("GET", "/_gt/dump", gt::dumpEndpoint);
        return gt;
    }

    /** @return the underlying server (URLs, port, recordings), never null */
    public FakeLlmServer server() {
        return server;
    }

    /** @return the wire format served, never null */
    public WireFormat format() {
        return format;
    }

    /** @return the schedule of requests without override headers, never null */
    public StreamParams defaults() {
        return defaults;
    }

    /** Forgets the recorded requests and restarts the CPU and wall clocks of the next dump. */
    public synchronized void reset() {
        server.clearRecordings();
        restartClocks();
    }

    /**
     * Waits up to 10 s for replies in progress, writes the ground truth of every chat request
     * finished since the last reset or dump to {@code file} (via a temporary file and a rename),
     * then resets.
     *
     * @param file the JSON file to write, never null
     * @return the number of requests written
     * @throws UncheckedIOException if the file cannot be written (nothing is reset then)
     */
    public synchronized int dump(Path file) {
        server.awaitNoChatExchanges(DUMP_WAIT);
        ProcessCpu cpu = ProcessCpu.now();
        long wall = System.nanoTime() - wall0;
        List<RecordedExchange> chats = server.exchanges().stream().filter(GroundTruthServer::isChat).toList();
        GroundTruthJson.Server info = new GroundTruthJson.Server(ProcessHandle.current().pid(), server.port(),
                format, defaults, wall, cpu.secondsSince(cpu0), server.peakChatExchanges(), emitters,
                (server.emitters().cpuNanos() - emitterCpu0) / 1e9);
        try {
            GroundTruthJson.write(file, info, chats, this::paramsOrNull);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        reset();
        return chats.size();
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    private void restartClocks() {
        cpu0 = ProcessCpu.now();
        emitterCpu0 = server.emitters().cpuNanos();
        wall0 = System.nanoTime();
    }

    static boolean isChat(RecordedExchange e) {
        return e.request().method().equals("POST") && CHAT_PATHS.contains(e.request().path());
    }

    private StreamParams paramsOrNull(RecordedRequest request) {
        try {
            return defaults.forRequest(request);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Reply reply(RecordedRequest request) {
        if (request.wireFormat() != format) {
            return Reply.error(404, "this fake server serves the " + format.name().toLowerCase()
                    + " wire format only, not " + request.path());
        }
        StreamParams p;
        try {
            p = defaults.forRequest(request);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        }
        Reply cached = replies.get(p);
        if (cached != null) {
            return cached;
        }
        String[] tokens = new String[p.tokens()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = "tok" + i + " ";
        }
        Reply r = Reply.empty().chunks(tokens).delayBeforeFirstChunk(Duration.ofNanos(p.ttftNanos()))
                .interChunkDelay(Duration.ofNanos(p.itlNanos())).delayBeforeFinish(Duration.ofNanos(p.doneGapNanos()));
        if (replies.size() < MAX_CACHED_REPLIES) {
            replies.putIfAbsent(p, r);
        }
        return r;
    }

    private Reply dumpEndpoint(RecordedRequest request) {
        String file = query(request.target(), "file");
        Path path = file != null ? Path.of(file) : defaultLog;
        if (path == null) {
            return Reply.status(400, "{\"ok\":false,\"error\":\"no file= given and no default log\"}");
        }
        try {
            int n = dump(path);
            return Reply.status(200, "{\"ok\":true,\"file\":" + Json.quote(path.toString()) + ",\"requests\":" + n + "}");
        } catch (UncheckedIOException e) {
            return Reply.status(500, "{\"ok\":false,\"error\":" + Json.quote(String.valueOf(e.getCause())) + "}");
        }
    }

    static String query(String target, String name) {
        int q = target.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
