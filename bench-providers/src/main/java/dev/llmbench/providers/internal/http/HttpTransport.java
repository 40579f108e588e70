package dev.llmbench.providers.internal.http;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.providers.internal.CassetteSettings;
import dev.llmbench.providers.internal.HttpSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer of one provider instance: an Apache HttpClient 5 async client with its own
 * connection pool, streaming exchanges whose bodies are consumed as they arrive, and one sweeper
 * thread that enforces first-byte, idle and total timeouts ({@link TimeoutSweeper}: a timeout
 * fires up to 1 % of itself late, at least {@value #SWEEP_MILLIS} ms and at most 1 s).
 *
 * <h2>Connection pool</h2>
 * Up to {@code maxConnections} connections in total and to each route (one server is one route):
 * {@link HttpSettings#maxConnections()}, 2048 unless the {@code max_connections} extra says
 * otherwise. A request beyond that waits for a connection to come free, and the wait counts in its
 * latency, so the pool must be at least as large as the number of concurrent streams. Connections
 * are opened when needed and kept alive for reuse.
 *
 * <h2>Recording and replay</h2>
 * Created from {@link HttpSettings} whose {@link HttpSettings#cassettes()} say so, a transport
 * either <b>records</b>: every exchange is also written to one cassette file in the record
 * directory when it has ended (request method, path, whitelisted non-secret headers and body; the
 * response status, filtered headers and every body chunk with its arrival offset; how it ended),
 * written off the I/O thread and atomically, without the API key anywhere; or <b>replays</b>: it
 * creates no HTTP client, and each request is answered from the cassette recorded for the same
 * method, path and body (the N-th such request gets the N-th recording) through the same exchange
 * logic as a live response. A request without a recording left fails with
 * {@code invalid_request}. The {@code name} must be the provider id: cassettes are found by it.
 *
 * <p>HttpClient types stay inside this package. Thread-safe; {@link #close()} aborts exchanges in
 * flight (each ends with a {@code cancelled} failure) and waits briefly for pending cassette writes.
 */
public final class HttpTransport implements AutoCloseable {
    /** The shortest interval between timeout checks, in milliseconds (see {@link TimeoutSweeper}). */
    public static final long SWEEP_MILLIS = TimeoutSweeper.MIN_MILLIS;
    /** How long {@link #close()} waits for cassettes still being written. */
    static final Duration WRITE_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final CloseableHttpAsyncClient client; // null when replaying
    private final TimeoutSweeper sweeper; // null when replaying
    /** Exchanges in flight, each with its sweep interval in milliseconds. */
    private final Map<Exchange, Long> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final CassetteRecorder recorder; // null unless recording
    private final CassetteSource source; // null unless recording
    private final Secret secret;
    private final CassettePlayer player; // null unless replaying
    private final Set<CompletableFuture<Void>> pendingWrites = ConcurrentHashMap.newKeySet();

    /**
     * A live transport without recording.
     *
     * @param name           a name for the threads (the provider id)
     * @param connectTimeout how long to wait for a TCP connection
     * @param maxConnections the pool size (also per route)
     */
    public HttpTransport(String name, Duration connectTimeout, int maxConnections) {
        this.recorder = null;
        this.source = null;
        this.secret = Secret.NONE;
        this.player = null;
        this.client = client(connectTimeout, maxConnections);
        this.sweeper = new TimeoutSweeper(name, inFlight);
    }

    /**
     * A transport for a provider's settings: live, recording into {@code record_dir} or replaying
     * from {@code replay_dir} (see {@link HttpSettings#cassettes()}).
     *
     * @param name     the provider id: names the threads and every cassette's source
     * @param settings connect timeout, pool size, API key (kept out of cassettes) and cassette settings
     * @throws dev.llmbench.core.BenchConfigurationException when the record directory cannot be
     *         created, or the replay directory or one of its cassettes cannot be read
     */
    public HttpTransport(String name, HttpSettings settings) {
        CassetteSettings c = settings.cassettes();
        this.secret = settings.apiKey();
        if (c.mode() == CassetteSettings.Mode.REPLAY) {
            this.recorder = null;
            this.source = null;
            this.player = new CassettePlayer(name, c.dir(), c.recordedSpeed());
            this.client = null;
            this.sweeper = null;
            return;
        }
        this.player = null;
        if (c.mode() == CassetteSettings.Mode.RECORD) {
            this.recorder = CassetteRecorder.of(c.dir());
            URI base = settings.baseUrl();
            String url = base.getUserInfo() == null ? base.toString() : base.toString().replace(base.getRawUserInfo() + "@", "");
            this.source = new CassetteSource(name, c.model(), url, c.configExtras(), c.connectTimeout(), c.requestTimeout());
        } else {
            this.recorder = null;
            this.source = null;
        }
        this.client = client(settings.connectTimeout(), settings.maxConnections());
        this.sweeper = new TimeoutSweeper(name, inFlight);
    }

    private static CloseableHttpAsyncClient client(Duration connectTimeout, int maxConnections) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.DISABLED) // the sweeper owns read timeouts, classified precisely
                .build();
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(Timeout.DISABLED).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.DISABLED)
                        .setConnectionRequestTimeout(Timeout.DISABLED).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("llmbench")
                .build();
        client.start();
        return client;
    }

    /**
     * Sends {@code call}; 2xx bodies go to {@code handler}, which emits events to {@code listener}.
     * Returns at once; every outcome, including an unreachable server, arrives as events. When
     * replaying, the response comes from the recording instead, through the same path.
     */
    public StreamHandle stream(HttpCall call, BodyHandler handler, StreamListener listener, ErrorMapper errors) {
        if (closed) {
            // a closed transport sends nothing; the caller still gets its one terminal event
            listener.onEvent(new StreamEvent.Failed(ProviderError.of(dev.llmbench.core.spi.ErrorClass.CANCELLED,
                    "the provider was closed before this request to " + call.uri().getHost() + " was sent")));
            return reason -> { };
        }
        Exchange[] self = new Exchange[1];
        CassetteTape tape = null;
        StreamListener target = listener;
        if (recorder != null) {
            CompletableFuture<Void> written = new CompletableFuture<>();
            pendingWrites.add(written);
            tape = new CassetteTape(recorder, call, source, secret, () -> {
                pendingWrites.remove(written);
                written.complete(null);
            });
            target = tape.listener(listener);
        }
        Exchange exchange = new Exchange(call, handler, target, errors, () -> inFlight.remove(self[0]));
        self[0] = exchange;
        if (tape != null) {
            tape.bind(exchange);
        }
        long interval = TimeoutSweeper.intervalMillis(call);
        inFlight.put(exchange, interval);
        if (sweeper != null) {
            sweeper.added(interval);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} headers {}{}", call.method(), call.uri(), redactedHeaders(call.headers()),
                    player != null ? " (replayed)" : "");
        }
        if (player != null) {
            player.play(call, exchange);
            return exchange;
        }
        try {
            if (tape != null) {
                exchange.attach(client.execute(producer(call), tape, null));
            } else {
                exchange.attach(client.execute(producer(call), exchange, null));
            }
        } catch (RuntimeException e) {
            exchange.emit(new StreamEvent.Failed(errors.transport(e, call.uri().toString(), false, 0)));
        }
        return exchange;
    }

    /**
     * Sends {@code call} and collects the whole (small) response: for model lists and metadata.
     * Completes with the response, or exceptionally with a {@link FetchException} carrying the
     * classified error.
     */
    public CompletableFuture<Response> fetch(HttpCall call, ErrorMapper errors) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int[] status = new int[1];
        Map<String, String>[] head = castHeaders();
        BodyHandler collect = new BodyHandler() {
            @Override
            public void onHead(int code, Map<String, String> headers, Emitter out) {
                status[0] = code;
                head[0] = headers;
            }

            @Override
            public void onBytes(ByteBuffer bytes, Emitter out) {
                byte[] b = new byte[bytes.remaining()];
                bytes.get(b);
                body.write(b, 0, b.length);
            }

            @Override
            public void onEnd(Emitter out) {
                out.emit(new StreamEvent.Completed(dev.llmbench.core.model.FinishReason.STOP));
            }
        };
        stream(call, collect, event -> {
            if (event instanceof StreamEvent.Failed f) {
                result.completeExceptionally(new FetchException(f.error()));
            } else if (event.terminal()) {
                result.complete(new Response(status[0], head[0], body.toString(StandardCharsets.UTF_8)));
            }
        }, errors);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] castHeaders() {
        return (Map<String, String>[]) new Map<?, ?>[] {Map.of()};
    }

    /** A collected response. @param status the HTTP status @param headers lowercase names @param body UTF-8 text */
    public record Response(int status, Map<String, String> headers, String body) {}

    /** A {@link #fetch} that failed; carries the classified error. */
    public static final class FetchException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient ProviderError error;

        FetchException(ProviderError error) {
            super(error.message());
            this.error = error;
        }

        /** The classified error. */
        public ProviderError error() {
            return error;
        }
    }

    private static AsyncRequestProducer producer(HttpCall call) {
        AsyncRequestBuilder b = AsyncRequestBuilder.create(call.method()).setUri(call.uri());
        call.headers().forEach(b::addHeader);
        if (call.body().length > 0) {
            b.setEntity(AsyncEntityProducers.create(call.body(), ContentType.APPLICATION_JSON));
        }
        return b.build();
    }

    /** Header values with credentials replaced, for debug logging. */
    static Map<String, String> redactedHeaders(Map<String, String> headers) {
        Map<String, String> out = new java.util.TreeMap<>();
        headers.forEach((k, v) -> {
            String lower = k.toLowerCase(java.util.Locale.ROOT);
            boolean secret = lower.equals("authorization") || lower.contains("api-key") || lower.contains("token");
            out.put(k, secret ? "****" : v);
        });
        return out;
    }

    /**
     * Opens and closes one TCP connection to {@code base}'s host and port — no HTTP request — to
     * tell an unreachable server from a slow one before a run starts. Does nothing when replaying.
     *
     * @throws dev.llmbench.core.BenchConfigurationException naming the URL when the connection fails
     */
    public void checkReachable(String provider, java.net.URI base, Duration connectTimeout) {
        if (player != null) {
            return;
        }
        int port = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(base.getHost(), port), (int) Math.max(1, connectTimeout.toMillis()));
        } catch (IOException e) {
            throw new dev.llmbench.core.BenchConfigurationException("provider '" + provider + "': cannot reach "
                    + base.getScheme() + "://" + base.getHost() + ":" + port + " (" + e.getMessage()
                    + "); is the server running and the base URL right?");
        }
    }

    /** The current interval between timeout sweeps in milliseconds, or -1 when replaying (no sweeper). */
    long sweepIntervalMillis() {
        return sweeper == null ? -1 : sweeper.intervalMillis();
    }

    /** Requests in flight. */
    public int inFlight() {
        return inFlight.size();
    }

    @Override
    public void close() {
        closed = true;
        for (Exchange e : inFlight.keySet()) {
            e.cancel(dev.llmbench.core.spi.ErrorClass.CANCELLED);
        }
        if (sweeper != null) {
            sweeper.close();
        }
        awaitWrites();
        if (client != null) {
            client.close(CloseMode.GRACEFUL);
            try {
                client.awaitShutdown(TimeValue.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits (at most {@link #WRITE_GRACE}) until every finished exchange's cassette is on disk. */
    void awaitWrites() {
        if (pendingWrites.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(pendingWrites.toArray(CompletableFuture[]::new))
                    .get(WRITE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("{} cassette(s) still unwritten after {} ms", pendingWrites.size(), WRITE_GRACE.toMillis());
        }
    }
}
