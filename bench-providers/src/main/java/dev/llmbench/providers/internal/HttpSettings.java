package dev.llmbench.providers.internal;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Durations;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The resolved connection settings of an HTTP provider: base URL (config, else an environment
 * variable, else the provider's default), API key (config, else an environment variable), the
 * four timeouts and the response size cap. Immutable and thread-safe; {@link #toString()} never
 * shows the key.
 *
 * <p>Common extras (all optional): {@code first_byte_timeout} (default: the request timeout),
 * {@code idle_timeout} (default: the smaller of the request timeout and 120 s),
 * {@code max_response_bytes} (default 16 MiB), {@code max_connections} (default {@value #DEFAULT_MAX_CONNECTIONS}; a stream beyond it waits
 * for a free connection), and the
 * cassette extras {@code record_dir}, {@code replay_dir} and {@code replay_speed} (see
 * {@link CassetteSettings}; they reach the transport through {@link #cassettes()}), and
 * {@code request_id_header} (default {@value #DEFAULT_REQUEST_ID_HEADER}): the HTTP header that
 * carries a request's {@link ChatRequest#ATTR_REQUEST_ID} attribute, see {@link #headersFor}.
 *
 * @param baseUrl          the base URL without a trailing slash
 * @param apiKey           the key, or {@link Secret#NONE}
 * @param connectTimeout   TCP connect timeout
 * @param firstByteTimeout time allowed until the response head
 * @param idleTimeout      longest silence between response bytes
 * @param totalTimeout     time allowed for a whole request
 * @param maxResponseBytes largest response body accepted
 * @param maxConnections   connection pool size
 * @param extras           the provider-specific extras (common ones removed)
 * @param cassettes        whether exchanges are recorded or replayed
 * @param requestIdHeader  the header carrying {@link ChatRequest#ATTR_REQUEST_ID}; a valid HTTP
 *                         token that no provider sets itself (see {@link #checkRequestIdHeader})
 */
public record HttpSettings(URI baseUrl, Secret apiKey, Duration connectTimeout, Duration firstByteTimeout,
        Duration idleTimeout, Duration totalTimeout, long maxResponseBytes, int maxConnections,
        Map<String, String> extras, CassetteSettings cassettes, String requestIdHeader) {

    /** The extra naming the request-id header. */
    public static final String REQUEST_ID_HEADER = "request_id_header";
    /** The request-id header used unless {@value #REQUEST_ID_HEADER} names another. */
    public static final String DEFAULT_REQUEST_ID_HEADER = "X-Request-Id";
    /**
     * The default pool size ({@code max_connections}): connections in total and per route. Large
     * enough for 2,000 concurrent streams to one server; connections are opened only when needed.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 2048;

    /** Extras every HTTP provider accepts. */
    public static final Set<String> COMMON_EXTRAS = Set.of("first_byte_timeout", "idle_timeout",
            "max_response_bytes", "max_connections", CassetteSettings.RECORD_DIR, CassetteSettings.REPLAY_DIR,
            CassetteSettings.REPLAY_SPEED, REQUEST_ID_HEADER, ProviderConfig.EXTRA_MIN_CONNECTIONS);

    /** Copies the map and validates the request-id header name. */
    public HttpSettings {
        extras = Map.copyOf(extras);
        dev.llmbench.core.internal.Checks.notNull(cassettes, "cassettes");
        String problem = RequestIdHeader.problem(requestIdHeader);
        if (problem != null) {
            throw new IllegalArgumentException("requestIdHeader " + problem);
        }
    }

    /** Settings with the {@linkplain #DEFAULT_REQUEST_ID_HEADER default request-id header}. */
    public HttpSettings(URI baseUrl, Secret apiKey, Duration connectTimeout, Duration firstByteTimeout,
            Duration idleTimeout, Duration totalTimeout, long maxResponseBytes, int maxConnections,
            Map<String, String> extras, CassetteSettings cassettes) {
        this(baseUrl, apiKey, connectTimeout, firstByteTimeout, idleTimeout, totalTimeout, maxResponseBytes,
                maxConnections, extras, cassettes, DEFAULT_REQUEST_ID_HEADER);
    }

    /** Settings without recording or replay ({@link CassetteSettings#OFF}). */
    public HttpSettings(URI baseUrl, Secret apiKey, Duration connectTimeout, Duration firstByteTimeout,
            Duration idleTimeout, Duration totalTimeout, long maxResponseBytes, int maxConnections,
            Map<String, String> extras) {
        this(baseUrl, apiKey, connectTimeout, firstByteTimeout, idleTimeout, totalTimeout, maxResponseBytes,
                maxConnections, extras, CassetteSettings.OFF);
    }

    /**
     * Resolves the settings of provider {@code id}.
     *
     * @param env            reads an environment variable (null when unset); a seam for tests
     * @param baseUrlEnv     the variable holding the base URL, or null
     * @param defaultBaseUrl used when neither config nor environment give one
     * @param apiKeyEnv      the variable holding the API key, or null
     * @param keyRequired    whether a missing key is a configuration error
     * @param knownExtras    the provider-specific extras it accepts
     * @throws BenchConfigurationException one actionable line for a missing key, bad URL, unknown
     *         extra or a bad value (including a blank or invalid {@value #REQUEST_ID_HEADER})
     */
    public static HttpSettings resolve(String id, ProviderConfig config, UnaryOperator<String> env, String baseUrlEnv,
            String defaultBaseUrl, String apiKeyEnv, boolean keyRequired, Set<String> knownExtras) {
        String url = config.baseUrlOverride().orElseGet(() -> {
            String v = baseUrlEnv == null ? null : env.apply(baseUrlEnv);
            return v == null || v.isBlank() ? defaultBaseUrl : v;
        });
        Secret key = config.apiKey();
        if (!key.isPresent() && apiKeyEnv != null) {
            String v = env.apply(apiKeyEnv);
            key = v == null ? Secret.NONE : Secret.of(v);
        }
        if (keyRequired && !key.isPresent()) {
            throw new BenchConfigurationException("provider '" + id + "' needs an API key: set " + apiKeyEnv);
        }
        Map<String, String> extras = new HashMap<>(config.extras());
        for (String k : extras.keySet()) {
            if (!COMMON_EXTRAS.contains(k) && !knownExtras.contains(k)) {
                Set<String> all = new TreeSet<>(COMMON_EXTRAS);
                all.addAll(knownExtras);
                throw new BenchConfigurationException("provider '" + id + "': unknown setting '" + k
                        + "'; known settings: " + String.join(", ", all));
            }
        }
        Duration total = config.requestTimeout();
        Duration firstByte = duration(id, extras.remove("first_byte_timeout"), total, "first_byte_timeout");
        Duration idle = duration(id, extras.remove("idle_timeout"),
                total.compareTo(Duration.ofSeconds(120)) < 0 ? total : Duration.ofSeconds(120), "idle_timeout");
        long maxBytes = number(id, extras.remove("max_response_bytes"), 16L << 20, "max_response_bytes");
        long maxConnections = number(id, extras.remove("max_connections"), DEFAULT_MAX_CONNECTIONS,
                "max_connections");
        // the runner's in-flight maximum raises the pool, so no request waits for a connection
        maxConnections = Math.max(maxConnections, number(id, extras.remove(ProviderConfig.EXTRA_MIN_CONNECTIONS), 1,
                ProviderConfig.EXTRA_MIN_CONNECTIONS));
        String requestIdHeader = checkRequestIdHeader(id, extras.remove(REQUEST_ID_HEADER));
        CassetteSettings cassettes = CassetteSettings.resolve(id, config);
        extras.keySet().removeAll(CassetteSettings.EXTRAS);
        return new HttpSettings(parseUrl(id, url), key, config.connectTimeout(), firstByte, idle, total, maxBytes,
                (int) Math.min(maxConnections, 100_000), extras, cassettes, requestIdHeader);
    }

    /**
     * Validates the {@value #REQUEST_ID_HEADER} extra of provider {@code id}: an HTTP header name
     * (an RFC 9110 token) that is not one a provider sets itself ({@code Authorization},
     * {@code Content-Type}, {@code Host}, {@code x-api-key}, ...).
     *
     * @param value the extra, or null for the default {@value #DEFAULT_REQUEST_ID_HEADER}
     * @return the header name, stripped
     * @throws BenchConfigurationException naming the provider, the extra and what is wrong
     */
    public static String checkRequestIdHeader(String id, String value) {
        if (value == null) {
            return DEFAULT_REQUEST_ID_HEADER;
        }
        String name = value.strip();
        String problem = RequestIdHeader.problem(name);
        if (problem != null) {
            throw new BenchConfigurationException("provider '" + id + "': " + REQUEST_ID_HEADER + " \"" + value
                    + "\" " + problem + "; e.g. " + DEFAULT_REQUEST_ID_HEADER);
        }
        return name;
    }

    /**
     * The headers of one request: {@code base} plus, when {@code request} carries the
     * {@link ChatRequest#ATTR_REQUEST_ID} attribute, that value under {@link #requestIdHeader()}.
     * No other attribute is ever sent. Returns {@code base} itself when there is no id.
     *
     * @throws IllegalArgumentException when the id holds a character an HTTP header value cannot
     *         carry (a control character such as CR or LF, or a non-ASCII character); providers
     *         report it as {@code invalid_request} without sending anything
     */
    public Map<String, String> headersFor(Map<String, String> base, ChatRequest request) {
        String value = request.attributes().get(ChatRequest.ATTR_REQUEST_ID);
        if (value == null) {
            return base;
        }
        RequestIdHeader.checkValue(value);
        Map<String, String> h = new HashMap<>(base);
        h.put(requestIdHeader, value);
        return h;
    }

    /**
     * Parses a base URL: a full URL, or {@code host:port} / a bare host (scheme http assumed).
     * Providers with a default port (Ollama's 11434) add it before calling this.
     */
    public static URI parseUrl(String id, String url) {
        String s = url.strip();
        if (!s.contains("://")) {
            s = "http://" + s;
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            URI uri = new URI(s);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(url, "needs an http(s) scheme and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BenchConfigurationException("provider '" + id + "': base URL \"" + url
                    + "\" is not valid (" + e.getReason() + "); e.g. http://localhost:11434");
        }
    }

    /** {@code path} appended to the base URL. */
    public URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    private static Duration duration(String id, String value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(value);
            if (d.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new BenchConfigurationException("provider '" + id + "': " + name + ": " + e.getMessage());
        }
    }

    private static long number(String id, String value, long fallback, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BenchConfigurationException("provider '" + id + "': " + name + " must be a positive whole number, got \""
                    + value + "\"");
        }
    }

    @Override
    public String toString() {
        return "HttpSettings[" + baseUrl + ", key " + (apiKey.isPresent() ? "set" : "none") + ", timeouts connect "
                + connectTimeout + " first-byte " + firstByteTimeout + " idle " + idleTimeout + " total " + totalTimeout
                + ", max " + maxResponseBytes + " bytes" + (cassettes.mode() == CassetteSettings.Mode.OFF ? ""
                : ", " + cassettes) + "]";
    }
}
