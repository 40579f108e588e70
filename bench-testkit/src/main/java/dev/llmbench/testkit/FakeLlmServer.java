package dev.llmbench.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A scripted LLM server on loopback, in-process, speaking the Ollama native, OpenAI chat
 * completions, OpenRouter and Anthropic Messages wire formats byte-faithfully, for testing
 * clients and pipelines offline.
 *
 * <pre>{@code
 * try (FakeLlmServer server = FakeLlmServer.start()) {
 *     server.enqueue(Reply.text("Hello world").interChunkDelay(Duration.ofMillis(20)));
 *     server.when(RequestMatcher.model("llama3.2").contentContains("weather"))
 *           .reply(Reply.empty().toolCall("get_weather", "{\"city\":\"Paris\"}"));
 *     // point a client at server.ollamaUrl(), server.openAiUrl(), server.openRouterUrl() ...
 *     RecordedRequest sent = server.takeRequest(Duration.ofSeconds(5)).orElseThrow();
 * }
 * }</pre>
 *
 * <h2>Endpoints</h2>
 * Ollama: {@code GET /}, {@code GET /api/version}, {@code GET /api/tags}, {@code POST /api/show},
 * {@code POST /api/chat}, {@code POST /api/generate}. OpenAI: {@code POST /v1/chat/completions},
 * {@code GET /v1/models}. OpenRouter: {@code POST /api/v1/chat/completions},
 * {@code GET /api/v1/models}. Anthropic: {@code POST /v1/messages}. Anything else is a 404.
 *
 * <h2>Choosing a reply</h2>
 * Each chat request takes the next {@link #enqueue queued} reply; with an empty queue the most
 * recently added {@link #when rule} whose matcher applies; otherwise the
 * {@link #defaultReply default} ({@link Reply#echo()} unless changed). With a non-empty
 * {@link #addModel model catalog}, requests for unlisted models get the format's "not found"
 * error without consuming a reply.
 *
 * <h2>Transport</h2>
 * Raw {@link ServerSocket} bound to {@code 127.0.0.1} on an ephemeral port (or as a
 * {@link ServerConfig} says: another loopback address, a fixed port, backlog, connection cap);
 * HTTP/1.1 with keep-alive, request bodies framed by {@code Content-Length} or chunked; streamed
 * responses are chunked, other responses carry {@code Content-Length}. Connections are served by
 * daemon threads, one per connection, from a pool of at most {@link #DEFAULT_MAX_CONNECTIONS}
 * (further connections are closed at once). Writes are unbuffered with {@code TCP_NODELAY}; every
 * scheduled write is stamped before and after ({@link RecordedExchange#writeStamps()}).
 *
 * <p>Thread-safe: scripting, recording and {@link #close()} may be called from any thread while
 * requests are served.
 *
 * @since 0.1
 */
public final class FakeLlmServer implements AutoCloseable {

    /** Default maximum number of connections served at the same time. */
    public static final int DEFAULT_MAX_CONNECTIONS = 512;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor pool;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Script script = new Script();
    private final Recordings recordings = new Recordings();
    private final AtomicLong connections = new AtomicLong();
    private final String host;
    private final Emitter.Group emitters;
    private volatile boolean closed;

    private FakeLlmServer(ServerConfig config) throws IOException {
        InetAddress address = config.address();
        serverSocket = new ServerSocket(config.port(), config.backlog(), address);
        String literal = address.getHostAddress();
        host = literal.contains(":") ? "[" + literal + "]" : literal;
        AtomicLong threads = new AtomicLong();
        pool = new ThreadPoolExecutor(0, config.maxConnections(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "fake-llm-" + serverSocket.getLocalPort() + "-conn-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        emitters = new Emitter.Group(config.emitters(), "fake-llm-" + serverSocket.getLocalPort() + "-emitter-");
        acceptor = new Thread(this::acceptLoop, "fake-llm-" + serverSocket.getLocalPort() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server on {@code 127.0.0.1} with an ephemeral port.
     *
     * @return the running server, never null
     * @throws UncheckedIOException if the socket cannot be bound
     */
    public static FakeLlmServer start() {
        return start(DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * Starts a server serving at most {@code maxConnections} connections at the same time.
     *
     * @param maxConnections positive
     * @return the running server, never null
     * @throws IllegalArgumentException if {@code maxConnections} is not positive
     * @throws UncheckedIOException if the socket cannot be bound
     */
    public static FakeLlmServer start(int maxConnections) {
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections (" + maxConnections + ") must be positive");
        }
        return start(ServerConfig.defaults().withMaxConnections(maxConnections));
    }

    /**
     * Starts a server as {@code config} says.
     *
     * @param config where to listen and how many connections to serve, never null
     * @return the running server, never null
     * @throws UncheckedIOException if the socket cannot be bound (e.g. the port is taken)
     */
    public static FakeLlmServer start(ServerConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            return new FakeLlmServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + config.bindAddress() + ":" + config.port(), e);
        }
    }

    /** @return the port bound on the loopback address */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** @return {@code http://127.0.0.1:PORT} (or the configured loopback address), without a trailing slash; never null */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    /** @return the Ollama base URL (same as {@link #baseUrl()}), never null */
    public String ollamaUrl() {
        return baseUrl();
    }

    /** @return the OpenAI-compatible base URL {@code .../v1}, never null */
    public String openAiUrl() {
        return baseUrl() + "/v1";
    }

    /** @return the OpenRouter base URL {@code .../api/v1}, never null */
    public String openRouterUrl() {
        return baseUrl() + "/api/v1";
    }

    /** @return the Anthropic base URL (requests go to {@code /v1/messages} under it), never null */
    public String anthropicUrl() {
        return baseUrl();
    }

    /**
     * Queues replies for the next chat requests, first in first out; a queued reply wins over rules.
     *
     * @param replies the replies, none null
     * @return this server
     */
    public FakeLlmServer enqueue(Reply... replies) {
        script.enqueue(List.of(replies));
        return this;
    }

    /**
     * Starts a persistent rule: {@code server.when(matcher).reply(reply)}. Later rules win over
     * earlier ones; queued replies win over rules.
     *
     * @param matcher which requests the rule applies to, never null
     * @return the rule under construction, never null
     */
    public RuleBuilder when(RequestMatcher matcher) {
        return new RuleBuilder(Objects.requireNonNull(matcher, "matcher"));
    }

    /** @return this server, answering {@code reply} when neither the queue nor a rule applies */
    public FakeLlmServer defaultReply(Reply reply) {
        script.defaultReply(reply);
        return this;
    }

    /**
     * As {@link #defaultReply(Reply)}, but the reply is chosen per request: {@code replies} is called
     * on the connection's thread for every chat request that neither the queue nor a rule answers.
     *
     * @param replies returns the reply for a request, never null; must be thread-safe
     * @return this server
     */
    public FakeLlmServer defaultReplyFrom(Function<RecordedRequest, Reply> replies) {
        script.defaultReply(Objects.requireNonNull(replies, "replies"));
        return this;
    }

    /**
     * Adds (or replaces) an extra endpoint, e.g. a control endpoint of a test harness, answered before
     * the built-in routes. The handler's reply is served like a chat reply, typically
     * {@link Reply#status(int, String)}; a handler that throws is answered with a 500.
     *
     * @param method the HTTP method, e.g. {@code POST}, never null
     * @param path the path without query, e.g. {@code /_gt/reset}, never null
     * @param handler returns the reply for a request, never null; must be thread-safe
     * @return this server
     */
    public FakeLlmServer endpoint(String method, String path, Function<RecordedRequest, Reply> handler) {
        script.endpoint(Objects.requireNonNull(method, "method"), Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** @return this server with these models in its catalog (replacing same-named ones) */
    public FakeLlmServer addModel(FakeModel... models) {
        for (FakeModel m : models) {
            script.addModel(Objects.requireNonNull(m, "model"));
        }
        return this;
    }

    /** @return the number of queued replies not yet consumed */
    public int pendingReplies() {
        return script.pending();
    }

    /** Forgets the queue, rules, catalog, extra endpoints and recordings and restores the echo default reply. */
    public void reset() {
        script.reset();
        clearRecordings();
    }

    /**
     * Forgets the recorded requests and exchanges (taken or not) and restarts
     * {@link #peakChatExchanges()}, keeping the script; the request sequence keeps counting.
     */
    public void clearRecordings() {
        recordings.clear();
    }

    /** @return the number of chat requests being answered right now (from fully read to last byte written) */
    public int chatExchangesInProgress() {
        return recordings.chatInProgress();
    }

    /** @return the most chat requests answered at the same time since start or {@link #clearRecordings()} */
    public int peakChatExchanges() {
        return recordings.peakChatInProgress();
    }

    /**
     * Waits until no chat request is being answered (so every finished one is in {@link #exchanges()}).
     *
     * @param timeout how long to wait at most, not negative
     * @return whether none was in progress before the timeout; false also on interrupt (flag restored)
     */
    public boolean awaitNoChatExchanges(Duration timeout) {
        try {
            return recordings.awaitNoChat(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return every request received so far, in arrival order; an immutable snapshot, never null */
    public List<RecordedRequest> requests() {
        return recordings.requests();
    }

    /** @return the number of requests received so far */
    public int requestCount() {
        return recordings.requestCount();
    }

    /**
     * Takes the oldest request not yet taken, waiting up to {@code timeout} for one to arrive.
     * Taking does not remove it from {@link #requests()}.
     *
     * @param timeout how long to wait, not negative
     * @return the request, or empty on timeout or interrupt (the interrupt flag is restored)
     */
    public Optional<RecordedRequest> takeRequest(Duration timeout) {
        return recordings.takeRequest(timeout);
    }

    /** @return every finished exchange so far, in order of completion; an immutable snapshot, never null */
    public List<RecordedExchange> exchanges() {
        return recordings.exchanges();
    }

    /**
     * Takes the oldest finished exchange not yet taken, waiting up to {@code timeout}. An exchange
     * is finished once the server has written (or given up on) its last byte, which may be a moment
     * after the client read it.
     *
     * @param timeout how long to wait, not negative
     * @return the exchange, or empty on timeout or interrupt (the interrupt flag is restored)
     */
    public Optional<RecordedExchange> takeExchange(Duration timeout) {
        return recordings.takeExchange(timeout);
    }

    /**
     * Stops accepting, closes every connection (also those stalled or sleeping mid-stream) and
     * stops the threads; returns within about a second. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        pool.shutdownNow();
        emitters.close();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FakeLlmServer[" + (closed ? "closed" : baseUrl()) + "]";
    }

    boolean isClosed() {
        return closed;
    }

    Script script() {
        return script;
    }

    Emitter.Group emitters() {
        return emitters;
    }

    Recordings recordings() {
        return recordings;
    }

    void forget(Socket socket) {
        sockets.remove(socket);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            try {
                pool.execute(new Connection(this, socket, connections.incrementAndGet()));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /**
     * A rule under construction, finished by {@link #reply(Reply)}. Not thread-safe; use it at once.
     *
     * @since 0.1
     */
    public final class RuleBuilder {
        private final RequestMatcher matcher;

        private RuleBuilder(RequestMatcher matcher) {
            this.matcher = matcher;
        }

        /**
         * Answers every matching request with {@code reply} (unless a queued reply comes first).
         *
         * @param reply the reply, never null
         * @return the server, for chaining
         */
        public FakeLlmServer reply(Reply reply) {
            script.addRule(matcher, reply);
            return FakeLlmServer.this;
        }
    }
}
