package dev.llmbench.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderException;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.providers.internal.HttpSettings;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.HttpCall;
import dev.llmbench.providers.internal.http.HttpTransport;
import dev.llmbench.providers.internal.http.Json;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Sends streaming chat-completions requests to one endpoint and turns the responses into stream
 * events: the engine of the {@code openai} and {@code openrouter} providers. Owns one
 * {@link HttpTransport} (its own connection pool); {@link #close()} releases it.
 *
 * <p>Thread-safe: any number of requests may be in flight at once.
 *
 * <p>Not API: shared by the {@code openai} and {@code openrouter} providers.
 *
 * @since 0.1
 */
public final class ChatCompletionsClient implements AutoCloseable {
    private final String provider;
    private final HttpSettings settings;
    private final URI endpoint;
    private final Map<String, String> headers;
    private final BodyParams params;
    private final boolean includeUsage;
    private final String maxTokensField;
    private final ErrorMapper errors;
    private final HttpTransport transport;

    /**
     * @param provider       the provider id, for messages and thread names
     * @param settings       resolved connection settings (the key is sent as a bearer token when present)
     * @param authHint       what an authentication error tells the user, e.g. "check OPENAI_API_KEY"
     * @param endpoint       the absolute chat-completions URL
     * @param extraHeaders   headers besides {@code Authorization}, {@code Accept} and the content type
     * @param params         pass-through body fields
     * @param includeUsage   whether to send {@code stream_options.include_usage}
     * @param maxTokensField the body field carrying the output-token limit
     */
    public ChatCompletionsClient(String provider, HttpSettings settings, String authHint, URI endpoint,
            Map<String, String> extraHeaders, BodyParams params, boolean includeUsage, String maxTokensField) {
        this.provider = Checks.notBlank(provider, "provider");
        this.settings = Checks.notNull(settings, "settings");
        this.endpoint = Checks.notNull(endpoint, "endpoint");
        this.params = Checks.notNull(params, "params");
        this.includeUsage = includeUsage;
        this.maxTokensField = Checks.notBlank(maxTokensField, "maxTokensField");
        Map<String, String> h = new LinkedHashMap<>(extraHeaders);
        h.put("Accept", "text/event-stream");
        settings.apiKey().reveal().ifPresent(k -> h.put("Authorization", "Bearer " + k));
        this.headers = Map.copyOf(h);
        this.errors = new ErrorMapper(provider, settings.apiKey(), authHint, Clock.systemUTC());
        this.transport = new HttpTransport(provider, settings);
    }

    /**
     * Starts a request; returns at once. Every outcome arrives as events, including a request that
     * cannot be built (a tool whose parameters are not JSON, a bad request extra, a request id an
     * HTTP header cannot carry), which fails at once with {@link ErrorClass#INVALID_REQUEST}. The
     * request's {@link ChatRequest#ATTR_REQUEST_ID} is sent as a header (see
     * {@link HttpSettings#headersFor}); no other attribute is sent.
     *
     * @param model the model name sent to the server
     */
    public StreamHandle stream(String model, ChatRequest request, StreamListener listener) {
        Checks.notNull(request, "request");
        Checks.notNull(listener, "listener");
        byte[] body;
        Map<String, String> h;
        try {
            h = settings.headersFor(headers, request); // the request id, if any, as a header
            Map<String, JsonNode> fields = params.forRequest(request.extras());
            body = Json.MAPPER.writeValueAsBytes(
                    ChatCompletionsRequest.body(model, request, fields, includeUsage, maxTokensField));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            listener.onEvent(new StreamEvent.Failed(ProviderError.of(ErrorClass.INVALID_REQUEST,
                    errors.scrub(provider + ": the request cannot be sent: " + e.getMessage()))));
            return reason -> { };
        }
        HttpCall call = new HttpCall("POST", endpoint, h, body, settings.firstByteTimeout(),
                settings.idleTimeout(), settings.totalTimeout(), settings.maxResponseBytes());
        return transport.stream(call, new ChatCompletionsBodyHandler(errors), listener, errors);
    }

    /**
     * Sends one {@code GET} (for model lists) and parses the JSON answer. Opens and closes its own
     * connection pool; blocks until the answer or a timeout of {@code settings}.
     *
     * @throws ProviderException carrying the classified error when the request fails or the answer is not JSON
     */
    public static JsonNode getJson(String provider, HttpSettings settings, String authHint, URI uri) {
        ErrorMapper errors = new ErrorMapper(provider, settings.apiKey(), authHint, Clock.systemUTC());
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        settings.apiKey().reveal().ifPresent(k -> h.put("Authorization", "Bearer " + k));
        HttpCall call = new HttpCall("GET", uri, h, new byte[0], settings.firstByteTimeout(), settings.idleTimeout(),
                settings.totalTimeout(), settings.maxResponseBytes());
        try (HttpTransport transport = new HttpTransport(provider + "-models", settings.connectTimeout(), 2)) {
            String body = transport.fetch(call, errors).get().body();
            try {
                return Json.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new ProviderException(new ProviderError(ErrorClass.MALFORMED_RESPONSE, errors.scrub(provider
                        + ": the model list from " + uri + " is not JSON: " + ErrorMapper.quote(body)), 200, -1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderError.of(ErrorClass.CANCELLED, provider + ": interrupted while listing models"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTransport.FetchException f) {
                throw new ProviderException(f.error());
            }
            throw new ProviderException(ProviderError.of(ErrorClass.INTERNAL, errors.scrub(provider
                    + ": listing models failed: " + e.getCause())));
        }
    }

    /** The HTTP headers sent with every request (they hold the key: never log them). */
    Map<String, String> headers() {
        return headers;
    }

    /** The error mapper (scrubs the key). */
    public ErrorMapper errors() {
        return errors;
    }

    /** Requests in flight. */
    public int inFlight() {
        return transport.inFlight();
    }

    /** Aborts requests in flight (each ends with {@code cancelled}) and releases the connection pool. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ChatCompletionsClient[" + provider + " " + endpoint + "]";
    }

    /** Checks that the endpoint's server accepts connections; see {@link HttpTransport#checkReachable}. */
    void checkReachable(String provider) {
        transport.checkReachable(provider, endpoint, settings.connectTimeout());
    }
}
