package dev.llmbench.providers.ollama;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.providers.internal.HttpSettings;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.HttpCall;
import dev.llmbench.providers.internal.http.HttpTransport;
import dev.llmbench.providers.internal.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model on one Ollama server, over the native {@code /api/chat} streaming API.
 *
 * <p>The model's {@code /api/show} facts (capabilities, trained context, Modelfile
 * {@code num_ctx}) are read once per instance, lazily, when the first request is sent or
 * {@link #capabilities()} is first asked; until they arrive, requests wait for them (so the first
 * request's latency includes one small local round trip). If {@code /api/show} fails, requests go
 * ahead without those facts. With them, a request with tools to a model without the
 * {@code tools} capability, or with {@code think} to one without {@code thinking}, fails with
 * {@link ErrorClass#INVALID_REQUEST} without being sent.
 *
 * <p>Each request's context is sized by {@link ContextPlan}; a probable truncation is logged as a
 * warning (the stream events have no place for it yet). A request's
 * {@link ChatRequest#ATTR_REQUEST_ID} is sent as the {@code request_id_header} header (see
 * {@link HttpSettings#headersFor}); no other attribute is sent.
 *
 * <p>Thread-safe: the runner sends concurrent requests through one instance. After
 * {@link #close()}, requests in flight end with {@link ErrorClass#CANCELLED}, and so do new ones.
 */
final class OllamaProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(OllamaProvider.class);
    private static final Duration SHOW_TIMEOUT = Duration.ofSeconds(10);
    private static final long SHOW_MAX_BYTES = 32L << 20;

    private final String model;
    private final OllamaSettings settings;
    private final HttpTransport transport;
    private final ErrorMapper errors;
    private final Consumer<String> warnings;
    private final AtomicReference<CompletableFuture<ModelShow>> show = new AtomicReference<>();
    private final AtomicLong numCtxFloor = new AtomicLong(-1);
    private final Map<String, String> chatHeaders;
    private volatile boolean closed;

    /**
     * @param warnings receives warnings such as a probable prompt truncation (production: the log)
     */
    OllamaProvider(String model, OllamaSettings settings, HttpTransport transport, ErrorMapper errors,
            Consumer<String> warnings) {
        this.model = model;
        this.settings = settings;
        this.transport = transport;
        this.errors = errors;
        this.warnings = warnings;
        this.chatHeaders = Map.copyOf(headers("application/x-ndjson"));
    }

    static void logWarning(String message) {
        LOG.warn(message);
    }

    @Override
    public String id() {
        return OllamaProviderFactory.ID;
    }

    @Override
    public String model() {
        return model;
    }

    /**
     * Streaming, usage, server timings, JSON and JSON-schema output always; tools and reasoning
     * unless {@code /api/show} has answered and does not list {@code tools} / {@code thinking}.
     * Starts the {@code /api/show} lookup if it has not started, without waiting for it.
     */
    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = EnumSet.of(Capability.STREAMING, Capability.USAGE, Capability.SERVER_TIMINGS,
                Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.TOOLS, Capability.REASONING);
        ModelShow s = show().getNow(ModelShow.UNKNOWN);
        if (s.lacks("tools")) {
            caps.remove(Capability.TOOLS);
        }
        if (s.lacks("thinking")) {
            caps.remove(Capability.REASONING);
        }
        return Set.copyOf(caps);
    }

    @Override
    public StreamHandle stream(ChatRequest request, StreamListener listener) {
        Checks.notNull(request, "request");
        Checks.notNull(listener, "listener");
        if (closed) { // the transport would never answer: fail here
            return send(request, listener, ModelShow.UNKNOWN);
        }
        CompletableFuture<ModelShow> facts = show();
        if (facts.isDone()) {
            return send(request, listener, facts.getNow(ModelShow.UNKNOWN));
        }
        PendingStream pending = new PendingStream(listener);
        facts.whenCompleteAsync((s, t) -> pending.start(
                () -> send(request, listener, s == null ? ModelShow.UNKNOWN : s)));
        return pending;
    }

    /** Maps and sends {@code request}; never throws: a failure before sending is delivered as an event. */
    private StreamHandle send(ChatRequest request, StreamListener listener, ModelShow facts) {
        try {
            return sendOrThrow(request, listener, facts);
        } catch (OllamaRequestMapper.RejectedException e) {
            deliver(listener, new StreamEvent.Failed(new ProviderError(ErrorClass.INVALID_REQUEST,
                    errors.scrub(e.getMessage()), 0, -1)));
        } catch (RuntimeException e) {
            deliver(listener, new StreamEvent.Failed(ProviderError.of(ErrorClass.INTERNAL,
                    errors.scrub("ollama: could not send the request: " + e))));
        }
        return reason -> { };
    }

    private StreamHandle sendOrThrow(ChatRequest request, StreamListener listener, ModelShow facts) {
        if (closed) {
            deliver(listener, new StreamEvent.Failed(ProviderError.of(ErrorClass.CANCELLED,
                    "ollama: the provider for " + model + " was closed before the request was sent")));
            return reason -> { };
        }
        HttpSettings http = settings.http();
        Map<String, String> headers;
        try {
            headers = http.headersFor(chatHeaders, request); // the request id, if any, as a header
        } catch (IllegalArgumentException e) {
            throw new OllamaRequestMapper.RejectedException("ollama: " + e.getMessage());
        }
        OllamaRequestMapper.Prepared prepared = OllamaRequestMapper.map(request, model, settings, facts,
                numCtxFloor.get());
        ContextPlan plan = prepared.plan();
        if (plan.numCtx() > 0) {
            numCtxFloor.accumulateAndGet(plan.numCtx(), Math::max);
        }
        plan.capWarning(model).ifPresent(warnings);
        HttpCall call = new HttpCall("POST", http.resolve("/api/chat"), headers,
                prepared.bytes(), http.firstByteTimeout(), http.idleTimeout(), http.totalTimeout(),
                http.maxResponseBytes());
        OllamaBodyHandler handler = new OllamaBodyHandler(errors,
                count -> plan.truncationWarning(model, count).ifPresent(warnings));
        return transport.stream(call, handler, listener, errors);
    }

    /** The model's {@code /api/show} facts, looked up once; completes with UNKNOWN when that fails. */
    CompletableFuture<ModelShow> show() {
        CompletableFuture<ModelShow> existing = show.get();
        if (existing != null) {
            return existing;
        }
        CompletableFuture<ModelShow> mine = new CompletableFuture<>();
        if (!show.compareAndSet(null, mine)) {
            return show.get();
        }
        HttpSettings http = settings.http();
        byte[] body = Json.MAPPER.createObjectNode().put("model", model).toString().getBytes(StandardCharsets.UTF_8);
        HttpCall call = new HttpCall("POST", http.resolve("/api/show"), headers("application/json"), body,
                min(http.firstByteTimeout(), SHOW_TIMEOUT), min(http.idleTimeout(), SHOW_TIMEOUT),
                min(http.totalTimeout(), SHOW_TIMEOUT.multipliedBy(2)), SHOW_MAX_BYTES);
        transport.fetch(call, errors).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    LOG.debug("ollama: /api/show for {} failed; sending requests without its facts: {}", model,
                            errors.scrub(String.valueOf(failure.getMessage())));
                    mine.complete(ModelShow.UNKNOWN);
                } else {
                    mine.complete(ModelShow.parse(Json.MAPPER.readTree(response.body())));
                }
            } catch (Exception e) {
                LOG.debug("ollama: /api/show for {} answered something unreadable: {}", model, e.toString());
                mine.complete(ModelShow.UNKNOWN);
            }
        });
        return mine;
    }

    private Map<String, String> headers(String accept) {
        Map<String, String> h = new HashMap<>();
        h.put("Accept", accept);
        settings.http().apiKey().reveal().ifPresent(k -> h.put("Authorization", "Bearer " + k));
        return h;
    }

    private static void deliver(StreamListener listener, StreamEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("stream listener threw on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void checkReachable() {
        transport.checkReachable(OllamaProviderFactory.ID, settings.http().baseUrl(), settings.http().connectTimeout());
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
    }

    @Override
    public String toString() {
        return "OllamaProvider[" + model + " at " + settings.http().baseUrl() + "]";
    }
}
