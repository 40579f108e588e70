package dev.llmbench.providers.anthropic;

import dev.llmbench.providers.internal.ModelParams;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.providers.internal.http.HttpTransport;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Creates providers for Anthropic's Messages API, id {@value #ID}: {@code anthropic:MODEL}, e.g.
 * {@code anthropic:claude-sonnet-4-5}.
 *
 * <h2>Connection</h2>
 * {@code POST {base}/v1/messages} with {@code x-api-key}, {@code anthropic-version: 2023-06-01}
 * and {@code content-type: application/json}, always streamed. Base URL: the config's, else the
 * environment variable {@code ANTHROPIC_BASE_URL}, else {@code https://api.anthropic.com}. The API
 * key is required: the config's, else {@code ANTHROPIC_API_KEY}; it is sent only in the
 * {@code x-api-key} header and never appears in messages or logs.
 *
 * <h2>Settings (config extras, all optional)</h2>
 * <ul>
 *   <li>{@code max_tokens}: the output limit sent when a request sets none (the API requires
 *       one); tokens, default {@value AnthropicSettings#DEFAULT_MAX_TOKENS}.</li>
 *   <li>{@code thinking_budget}: extended thinking, sent as
 *       {@code "thinking":{"type":"enabled","budget_tokens":N}}; tokens, 0 (off, the default) or at
 *       least {@value AnthropicSettings#MIN_THINKING_BUDGET}. With thinking on and no request limit,
 *       {@code max_tokens} becomes the default plus the budget. The API then rejects a temperature
 *       other than 1, and multi-turn tool use needs the thinking blocks of earlier turns, which
 *       llmbench's neutral messages do not carry: expect {@code invalid_request} there.</li>
 *   <li>{@code top_p} (0 to 1), {@code top_k} (positive): passed through.</li>
 *   <li>{@code structured_outputs}: {@code prompt} (default) asks for JSON in the system prompt,
 *       which nothing enforces; {@code native} sends JSON-Schema response formats as
 *       {@code output_config.format} (constrained decoding, supported by newer models only) and
 *       then advertises {@link dev.llmbench.core.spi.Capability#JSON_SCHEMA}. A schemaless JSON
 *       format always uses the prompt: the API has no JSON mode.</li>
 *   <li>{@code anthropic_version}: overrides the version header; {@code anthropic_beta}: sets
 *       the {@code anthropic-beta} header.</li>
 *   <li>The common HTTP settings: {@code first_byte_timeout}, {@code idle_timeout},
 *       {@code max_response_bytes}, {@code max_connections} (default 2048), {@code request_id_header}
 *       (default {@code X-Request-Id}: the header carrying a request's
 *       {@link dev.llmbench.core.model.ChatRequest#ATTR_REQUEST_ID}), and {@code record_dir} /
 *       {@code replay_dir} / {@code replay_speed} (record exchanges into cassettes, or answer from
 *       them; see {@link dev.llmbench.providers.replay.ReplayProviderFactory}).</li>
 * </ul>
 * A request may override {@code thinking_budget}, {@code top_p} and {@code top_k} in its own
 * extras; its other extras are meant for other providers and are ignored. The Messages API has
 * no seed: a request's seed is not sent.
 *
 * <h2>Models</h2>
 * {@link #listModels} reads {@code GET /v1/models} (ids, display names, context and output limits
 * where the API reports them; no prices).
 *
 * <h2>Registration</h2>
 * Listed in {@code META-INF/services/dev.llmbench.core.spi.ProviderFactory}.
 *
 * <h2>Constructor requirements</h2>
 * The public no-arg constructor does no I/O. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AnthropicProviderFactory implements ProviderFactory {
    /** The provider id and model spec prefix. */
    public static final String ID = "anthropic";

    private final UnaryOperator<String> env;

    /** Creates the factory; reads the environment only when a provider is created. */
    public AnthropicProviderFactory() {
        this(System::getenv);
    }

    /** A factory reading environment variables through {@code env} (a seam for tests). */
    AnthropicProviderFactory(UnaryOperator<String> env) {
        this.env = Checks.notNull(env, "env");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Anthropic Messages API (SSE streaming; key from ANTHROPIC_API_KEY, base URL from ANTHROPIC_BASE_URL)";
    }

    /**
     * Creates a provider; validates every setting and contacts no server.
     *
     * @throws dev.llmbench.core.BenchConfigurationException one line, on a missing API key, a bad
     *         base URL, an unknown setting or a bad value
     */
    @Override
    public Provider create(ProviderConfig config) {
        ProviderConfig c = ModelParams.apply(ID, Checks.notNull(config, "config"));
        return new AnthropicProvider(c.model().strip(), AnthropicSettings.resolve(c, env));
    }

    /**
     * Lists the models of the account behind the key.
     *
     * @throws dev.llmbench.core.BenchConfigurationException on a missing key or bad settings
     * @throws dev.llmbench.core.spi.ProviderException with the classified error when the server
     *         cannot be asked
     */
    @Override
    public List<ModelInfo> listModels(ProviderConfig config) {
        AnthropicSettings settings = AnthropicSettings.resolve(ModelParams.apply(ID, Checks.notNull(config, "config")), env);
        try (HttpTransport transport = new HttpTransport(ID, settings.http().connectTimeout(), 4)) {
            return AnthropicModelLister.list(settings, transport);
        }
    }
}
