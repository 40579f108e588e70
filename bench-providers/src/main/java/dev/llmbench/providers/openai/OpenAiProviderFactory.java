package dev.llmbench.providers.openai;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.providers.internal.HttpSettings;
import dev.llmbench.providers.internal.ModelParams;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Creates the {@code openai} provider, id {@value #ID}: streaming chat completions against any
 * OpenAI-compatible server, such as OpenAI itself, vLLM, llama.cpp server, LM Studio or Ollama's
 * {@code /v1} endpoint.
 *
 * <h2>Connection</h2>
 * <ul>
 *   <li>Base URL, including the {@code /v1} part: {@link ProviderConfig#baseUrl()}, else the
 *       environment variable {@code OPENAI_BASE_URL}, else {@value #DEFAULT_BASE_URL}.
 *       Requests go to {@code {base}/chat/completions}; {@code listModels} reads
 *       {@code {base}/models}. Example for a local Ollama: {@code http://localhost:11434/v1}.</li>
 *   <li>API key: {@link ProviderConfig#apiKey()}, else {@code OPENAI_API_KEY}; sent as
 *       {@code Authorization: Bearer}. Required when the base URL's host is
 *       {@code api.openai.com}; optional otherwise (local servers need none).</li>
 * </ul>
 *
 * <h2>Settings</h2>
 * Given as {@link ProviderConfig#extras()} or after the model name, query style
 * ({@code openai:gpt-4o-mini?reasoning_effort=low&idle_timeout=30s}; the model string wins):
 * <ul>
 *   <li>the common HTTP settings {@code first_byte_timeout}, {@code idle_timeout} (durations such as
 *       {@code 300ms} or {@code 30s}), {@code max_response_bytes}, {@code max_connections} (default
 *       2048), {@code request_id_header} (default {@code X-Request-Id}: the header carrying a
 *       request's {@link dev.llmbench.core.model.ChatRequest#ATTR_REQUEST_ID});</li>
 *   <li>{@code reasoning_effort}: sent as the body field of that name (e.g. {@code low});</li>
 *   <li>{@code extra_body}: a JSON object whose fields are added to every request body (e.g.
 *       {@code {"top_p":0.9}}); it cannot set {@code model}, {@code messages} or {@code stream};</li>
 *   <li>{@code max_tokens_field}: {@code max_tokens} (default) or {@code max_completion_tokens}
 *       (needed by OpenAI's reasoning models);</li>
 *   <li>{@code include_usage}: {@code true} (default) sends
 *       {@code stream_options: {"include_usage": true}}; {@code false} for a server that rejects it.</li>
 * </ul>
 * A request's own extras named {@code reasoning_effort} or {@code extra_body} override these per
 * request; its other extras are ignored.
 *
 * <h2>Registration</h2>
 * Listed in {@code META-INF/services/dev.llmbench.core.spi.ProviderFactory}.
 *
 * <h2>Constructor requirements</h2>
 * The public no-arg constructor does nothing. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class OpenAiProviderFactory implements ProviderFactory {
    /**
     * What an OpenAI-compatible server can do. Usage needs {@code stream_options.include_usage}
     * (sent unless {@code include_usage=false}); reasoning is reported when the server streams it;
     * server timings are passed on when a server sends them (llama.cpp) but not promised.
     */
    static final Set<Capability> CAPABILITIES = Set.of(Capability.STREAMING, Capability.TOOLS, Capability.JSON_MODE,
            Capability.JSON_SCHEMA, Capability.REASONING, Capability.USAGE);

    /** The provider id and model spec prefix. */
    public static final String ID = "openai";
    /** The base URL used when neither config nor environment give one. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The environment variable holding the base URL. */
    public static final String BASE_URL_ENV = "OPENAI_BASE_URL";
    /** The environment variable holding the API key. */
    public static final String API_KEY_ENV = "OPENAI_API_KEY";

    static final String AUTH_HINT = "check " + API_KEY_ENV;
    static final Map<String, BodyParams.Kind> BODY_PARAMS = Map.of(
            "reasoning_effort", BodyParams.Kind.STRING,
            "extra_body", BodyParams.Kind.MERGE);
    static final Set<String> EXTRAS;

    static {
        Set<String> s = new HashSet<>(BODY_PARAMS.keySet());
        s.add("max_tokens_field");
        s.add("include_usage");
        EXTRAS = Set.copyOf(s);
    }

    private final UnaryOperator<String> env;

    /** Creates the factory; does no I/O. */
    public OpenAiProviderFactory() {
        this(System::getenv);
    }

    /** @param env reads environment variables (null when unset); a seam for tests */
    OpenAiProviderFactory(UnaryOperator<String> env) {
        this.env = Checks.notNull(env, "env");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Any OpenAI-compatible chat-completions server (OpenAI, vLLM, llama.cpp, LM Studio, Ollama /v1);"
                + " " + BASE_URL_ENV + ", " + API_KEY_ENV;
    }

    /**
     * Creates a provider. Does not contact the server.
     *
     * @throws BenchConfigurationException one line for a missing key on api.openai.com, a bad base
     *         URL, an unknown setting or a bad value
     */
    @Override
    public Provider create(ProviderConfig config) {
        Checks.notNull(config, "config");
        ProviderConfig c = ModelParams.apply(ID, config);
        HttpSettings s = settings(c);
        String maxField = s.extras().getOrDefault("max_tokens_field", "max_tokens").strip();
        if (!maxField.equals("max_tokens") && !maxField.equals("max_completion_tokens")) {
            throw new BenchConfigurationException("provider '" + ID + "': max_tokens_field must be max_tokens or"
                    + " max_completion_tokens, got \"" + maxField + "\"");
        }
        String usage = s.extras().getOrDefault("include_usage", "true").strip().toLowerCase(Locale.ROOT);
        if (!usage.equals("true") && !usage.equals("false")) {
            throw new BenchConfigurationException("provider '" + ID + "': include_usage must be true or false, got \""
                    + usage + "\"");
        }
        BodyParams params = BodyParams.of(ID, s.extras(), BODY_PARAMS);
        ChatCompletionsClient client = new ChatCompletionsClient(ID, s, AUTH_HINT, s.resolve("/chat/completions"),
                Map.of(), params, usage.equals("true"), maxField);
        return new ChatCompletionsProvider(ID, c.model(), client, CAPABILITIES);
    }

    /**
     * The models from {@code GET {base}/models}, sorted by id.
     *
     * @throws BenchConfigurationException as {@link #create} does
     * @throws dev.llmbench.core.spi.ProviderException carrying the classified error when the server cannot be asked
     */
    @Override
    public List<ModelInfo> listModels(ProviderConfig config) {
        Checks.notNull(config, "config");
        return OpenAiModelLister.list(settings(ModelParams.apply(ID, config)), AUTH_HINT);
    }

    private HttpSettings settings(ProviderConfig config) {
        HttpSettings s = HttpSettings.resolve(ID, config, env, BASE_URL_ENV, DEFAULT_BASE_URL, API_KEY_ENV, false, EXTRAS);
        if (!s.apiKey().isPresent() && "api.openai.com".equalsIgnoreCase(s.baseUrl().getHost())) {
            throw new BenchConfigurationException("provider '" + ID + "' needs an API key for api.openai.com: set "
                    + API_KEY_ENV + " (or set " + BASE_URL_ENV + " to a local OpenAI-compatible server, which needs none)");
        }
        return s;
    }
}
