package dev.llmbench.providers.openrouter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.providers.internal.HttpSettings;
import dev.llmbench.providers.internal.ModelParams;
import dev.llmbench.providers.internal.http.Json;
import dev.llmbench.providers.openai.BodyParams;
import dev.llmbench.providers.openai.ChatCompletionsClient;
import dev.llmbench.providers.openai.ChatCompletionsProvider;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Creates the {@code openrouter} provider, id {@value #ID}: OpenRouter's chat completions over
 * server-sent events, for models named like {@code openrouter:openai/gpt-4o-mini}.
 *
 * <h2>Connection</h2>
 * <ul>
 *   <li>Base URL: {@link ProviderConfig#baseUrl()} (for tests and proxies), else
 *       {@value #DEFAULT_BASE_URL}. Requests go to {@code {base}/chat/completions};
 *       {@code listModels} reads {@code {base}/models}.</li>
 *   <li>API key: {@link ProviderConfig#apiKey()}, else {@code OPENROUTER_API_KEY}; required to
 *       create a provider (listing models works without one). Sent as
 *       {@code Authorization: Bearer}.</li>
 *   <li>Attribution headers: {@code X-Title} and {@code X-OpenRouter-Title} carry
 *       {@code site_name} (default {@value #DEFAULT_SITE_NAME}); {@code HTTP-Referer} carries
 *       {@code site_url} and is sent only when that setting is given (llmbench does not claim a
 *       site on its users' behalf, so OpenRouter attributes nothing to a URL by default).</li>
 * </ul>
 *
 * <h2>Settings</h2>
 * Given as {@link ProviderConfig#extras()} or after the model name, query style
 * ({@code openrouter:openai/gpt-4o-mini?reasoning_effort=low}; the model string wins):
 * <ul>
 *   <li>the common HTTP settings {@code first_byte_timeout}, {@code idle_timeout},
 *       {@code max_response_bytes}, {@code max_connections} (default 2048), {@code request_id_header}
 *       (default {@code X-Request-Id}: the header carrying a request's
 *       {@link dev.llmbench.core.model.ChatRequest#ATTR_REQUEST_ID});</li>
 *   <li>{@code provider}: routing preferences, a JSON object sent as the {@code provider} field
 *       (e.g. {@code {"order":["groq"],"allow_fallbacks":false}});</li>
 *   <li>{@code reasoning}: a JSON object sent as the {@code reasoning} field (e.g.
 *       {@code {"effort":"high"}}); {@code reasoning_effort}: a string sent as is;</li>
 *   <li>{@code extra_body}: a JSON object whose fields are added to every request body;</li>
 *   <li>{@code site_url}, {@code site_name}: the attribution headers above.</li>
 * </ul>
 * A request's own extras named {@code provider}, {@code reasoning}, {@code reasoning_effort} or
 * {@code extra_body} override these per request; its other extras are ignored.
 *
 * <p>Every request asks for usage ({@code usage: {"include": true}} and
 * {@code stream_options.include_usage}; both are accepted and now redundant), so each response
 * reports tokens and {@code cost} in US dollars.
 *
 * <h2>Registration</h2>
 * Listed in {@code META-INF/services/dev.llmbench.core.spi.ProviderFactory}.
 *
 * <h2>Constructor requirements</h2>
 * The public no-arg constructor does nothing. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class OpenRouterProviderFactory implements ProviderFactory {
    /**
     * What OpenRouter offers: usage with cost on every response; tools, JSON modes and reasoning
     * depend on the routed model (OpenRouter ignores what a model cannot do unless
     * {@code provider.require_parameters} is set). No server timings.
     */
    static final Set<Capability> CAPABILITIES = Set.of(Capability.STREAMING, Capability.TOOLS, Capability.JSON_MODE,
            Capability.JSON_SCHEMA, Capability.REASONING, Capability.USAGE);

    /** The provider id and model spec prefix. */
    public static final String ID = "openrouter";
    /** OpenRouter's API base URL. */
    public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
    /** The environment variable holding the API key. */
    public static final String API_KEY_ENV = "OPENROUTER_API_KEY";
    /** The {@code X-Title} sent when {@code site_name} is not set. */
    public static final String DEFAULT_SITE_NAME = "llmbench";

    static final String AUTH_HINT = "check " + API_KEY_ENV;
    static final Map<String, BodyParams.Kind> BODY_PARAMS = Map.of(
            "provider", BodyParams.Kind.OBJECT,
            "reasoning", BodyParams.Kind.OBJECT,
            "reasoning_effort", BodyParams.Kind.STRING,
            "extra_body", BodyParams.Kind.MERGE);
    static final Set<String> EXTRAS;

    static {
        Set<String> s = new HashSet<>(BODY_PARAMS.keySet());
        s.add("site_url");
        s.add("site_name");
        EXTRAS = Set.copyOf(s);
    }

    private final UnaryOperator<String> env;

    /** Creates the factory; does no I/O. */
    public OpenRouterProviderFactory() {
        this(System::getenv);
    }

    /** @param env reads environment variables (null when unset); a seam for tests */
    OpenRouterProviderFactory(UnaryOperator<String> env) {
        this.env = Checks.notNull(env, "env");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "OpenRouter cloud models (openrouter:vendor/model), usage with cost; " + API_KEY_ENV;
    }

    /**
     * Creates a provider. Does not contact the server.
     *
     * @throws dev.llmbench.core.BenchConfigurationException one line for a missing key, a bad
     *         base URL, an unknown setting or a value that is not the JSON object it must be
     */
    @Override
    public Provider create(ProviderConfig config) {
        Checks.notNull(config, "config");
        ProviderConfig c = ModelParams.apply(ID, config);
        HttpSettings s = HttpSettings.resolve(ID, c, env, null, DEFAULT_BASE_URL, API_KEY_ENV, true, EXTRAS);
        BodyParams params = BodyParams.of(ID, withUsage(s.extras()), bodyParamsWithUsage());
        ChatCompletionsClient client = new ChatCompletionsClient(ID, s, AUTH_HINT, s.resolve("/chat/completions"),
                headers(s.extras()), params, true, "max_tokens");
        return new ChatCompletionsProvider(ID, c.model(), client, CAPABILITIES);
    }

    /**
     * The models from {@code GET {base}/models} with context length and prices, sorted by id.
     * Needs no API key (one is sent when set).
     *
     * @throws dev.llmbench.core.BenchConfigurationException as {@link #create} does, except for a missing key
     * @throws dev.llmbench.core.spi.ProviderException carrying the classified error when the server cannot be asked
     */
    @Override
    public List<ModelInfo> listModels(ProviderConfig config) {
        Checks.notNull(config, "config");
        ProviderConfig c = ModelParams.apply(ID, config);
        return OpenRouterModelLister.list(HttpSettings.resolve(ID, c, env, null, DEFAULT_BASE_URL, API_KEY_ENV, false,
                EXTRAS));
    }

    /** The attribution headers. */
    static Map<String, String> headers(Map<String, String> extras) {
        Map<String, String> h = new LinkedHashMap<>();
        String url = extras.getOrDefault("site_url", "").strip();
        if (!url.isEmpty()) {
            h.put("HTTP-Referer", url);
        }
        String name = extras.getOrDefault("site_name", "").strip();
        name = name.isEmpty() ? DEFAULT_SITE_NAME : name;
        h.put("X-Title", name);
        h.put("X-OpenRouter-Title", name);
        return h;
    }

    /** The hidden {@code usage} body field ({"include": true}) goes first so that extras can override it. */
    private static Map<String, String> withUsage(Map<String, String> extras) {
        Map<String, String> m = new LinkedHashMap<>(extras);
        ObjectNode usage = Json.MAPPER.createObjectNode().put("include", true);
        m.putIfAbsent("usage", usage.toString());
        return m;
    }

    private static Map<String, BodyParams.Kind> bodyParamsWithUsage() {
        Map<String, BodyParams.Kind> m = new LinkedHashMap<>();
        m.put("usage", BodyParams.Kind.OBJECT);
        m.putAll(BODY_PARAMS);
        return m;
    }
}
