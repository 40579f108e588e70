package dev.llmbench.providers.anthropic;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.HttpCall;
import dev.llmbench.providers.internal.http.HttpTransport;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One Anthropic model behind the Messages API, streamed over SSE. Owns one {@link HttpTransport}
 * (connection pool and timeout sweeper); {@link #close()} releases it and fails requests in flight
 * with {@code cancelled}.
 *
 * <p>Thread-safe: concurrent requests share the transport; each gets its own body handler.
 */
final class AnthropicProvider implements Provider {
    private final String model;
    private final AnthropicSettings settings;
    private final AnthropicRequestMapper mapper;
    private final ErrorMapper errors;
    private final HttpTransport transport;
    private final Map<String, String> headers;
    private final Set<Capability> capabilities;

    AnthropicProvider(String model, AnthropicSettings settings) {
        this.model = model;
        this.settings = settings;
        this.mapper = new AnthropicRequestMapper(model, settings);
        this.errors = errorMapper(settings);
        this.headers = headers(settings);
        EnumSet<Capability> caps = EnumSet.of(Capability.STREAMING, Capability.TOOLS, Capability.REASONING,
                Capability.USAGE);
        if (settings.nativeSchema()) {
            caps.add(Capability.JSON_SCHEMA);
        }
        this.capabilities = Set.copyOf(caps);
        this.transport = new HttpTransport(AnthropicProviderFactory.ID, settings.http());
    }

    static ErrorMapper errorMapper(AnthropicSettings settings) {
        return new ErrorMapper(AnthropicProviderFactory.ID, settings.http().apiKey(), "check ANTHROPIC_API_KEY",
                Clock.systemUTC());
    }

    /** The request headers: key, API version, content type and the optional beta flags. */
    static Map<String, String> headers(AnthropicSettings settings) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-api-key", settings.http().apiKey().reveal().orElse(""));
        h.put("anthropic-version", settings.version());
        h.put("content-type", "application/json");
        if (!settings.beta().isEmpty()) {
            h.put("anthropic-beta", settings.beta());
        }
        return h;
    }

    @Override
    public String id() {
        return AnthropicProviderFactory.ID;
    }

    @Override
    public String model() {
        return model;
    }

    /**
     * Streaming, tools, reasoning (extended thinking) and usage; JSON Schema only when configured
     * with {@code structured_outputs=native}. Never JSON mode (the API has none) nor server timings.
     */
    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * Sends {@code request}. A request that cannot be expressed in the Messages API (see
     * {@link AnthropicRequestMapper}) or whose request id an HTTP header cannot carry fails at
     * once, on the calling thread, with {@link ErrorClass#INVALID_REQUEST} and nothing is sent.
     * The request's {@link ChatRequest#ATTR_REQUEST_ID} is sent as a header (see
     * {@code HttpSettings.headersFor}); no other attribute is sent.
     */
    @Override
    public StreamHandle stream(ChatRequest request, StreamListener listener) {
        Checks.notNull(request, "request");
        Checks.notNull(listener, "listener");
        byte[] body;
        Map<String, String> h;
        try {
            h = requestHeaders(request);
            body = mapper.body(request);
        } catch (AnthropicRequestMapper.RejectedRequestException e) {
            listener.onEvent(new StreamEvent.Failed(ProviderError.of(ErrorClass.INVALID_REQUEST,
                    errors.scrub(AnthropicProviderFactory.ID + ": " + e.getMessage()))));
            return reason -> { };
        }
        HttpCall call = new HttpCall("POST", settings.http().resolve("/v1/messages"), h, body,
                settings.http().firstByteTimeout(), settings.http().idleTimeout(), settings.http().totalTimeout(),
                settings.http().maxResponseBytes());
        return transport.stream(call, new AnthropicBodyHandler(errors), listener, errors);
    }

    /** The headers plus the request id, if any; an id no header can carry is a rejected request. */
    private Map<String, String> requestHeaders(ChatRequest request) {
        try {
            return settings.http().headersFor(headers, request);
        } catch (IllegalArgumentException e) {
            throw new AnthropicRequestMapper.RejectedRequestException(e.getMessage());
        }
    }

    @Override
    public void checkReachable() {
        transport.checkReachable(AnthropicProviderFactory.ID, settings.http().baseUrl(), settings.http().connectTimeout());
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "AnthropicProvider[" + model + ", " + settings + "]";
    }
}
