package dev.llmbench.providers.ollama;

import dev.llmbench.providers.internal.ModelParams;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.HttpTransport;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Creates Ollama providers, id {@value #ID}: local models (and Ollama Cloud) over the native
 * {@code /api/chat} streaming API, e.g. {@code ollama:gemma3:4b}.
 *
 * <h2>Connection</h2>
 * Base URL from the config ({@code --base-url}), else {@code OLLAMA_HOST}, else
 * {@code http://127.0.0.1:11434}; every form Ollama itself accepts works ({@code gpu-box},
 * {@code gpu-box:11500}, {@code 0.0.0.0}, {@code https://ollama.com}; see {@link OllamaHost}). No
 * API key is needed for a local server; a key in the config or in {@code OLLAMA_API_KEY} is sent
 * as {@code Authorization: Bearer} (Ollama Cloud).
 *
 * <h2>Extras</h2>
 * The common HTTP extras ({@code first_byte_timeout}, {@code idle_timeout},
 * {@code max_response_bytes}, {@code max_connections} (default 2048, per server: a stream beyond it
 * waits for a free connection), {@code request_id_header} (default {@code X-Request-Id}: the header that
 * carries a request's {@code llmbench.request_id} attribute; see
 * {@link dev.llmbench.core.model.ChatRequest#ATTR_REQUEST_ID})); model options sent in {@code options}
 * ({@code num_ctx}, {@code top_p}, {@code top_k}, {@code stop}, {@code temperature}, {@code seed},
 * {@code num_predict}, ... and a raw {@code options} JSON object), {@code keep_alive} and
 * {@code think} (see {@link OllamaParams}); context sizing ({@code num_ctx_max},
 * {@code server_num_ctx}, {@code output_reserve}; see {@link OllamaSettings}). The same model
 * options, {@code keep_alive} and {@code think} are also read from a request's extras, which win.
 *
 * <h2>Registration</h2>
 * Listed in {@code META-INF/services/dev.llmbench.core.spi.ProviderFactory}.
 *
 * <h2>Constructor requirements</h2>
 * The public no-arg constructor does nothing. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class OllamaProviderFactory implements ProviderFactory {
    /** The provider id and model spec prefix. */
    public static final String ID = "ollama";
    private static final String AUTH_HINT = "a local Ollama needs no key; for Ollama Cloud check OLLAMA_API_KEY";

    private final UnaryOperator<String> env;
    private final Consumer<String> warnings;

    /** Creates the factory; does no I/O. */
    public OllamaProviderFactory() {
        this(System::getenv, OllamaProvider::logWarning);
    }

    /**
     * A factory reading the environment through {@code env} and reporting warnings to
     * {@code warnings}; a seam for tests.
     */
    OllamaProviderFactory(UnaryOperator<String> env, Consumer<String> warnings) {
        this.env = Checks.notNull(env, "env");
        this.warnings = Checks.notNull(warnings, "warnings");
    }

    /** A factory reading the environment through {@code env}; a seam for tests. */
    OllamaProviderFactory(UnaryOperator<String> env) {
        this(env, OllamaProvider::logWarning);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Ollama native /api/chat (local models via OLLAMA_HOST, or Ollama Cloud with OLLAMA_API_KEY)";
    }

    /**
     * Creates a provider. Does not contact the server.
     *
     * @throws dev.llmbench.core.BenchConfigurationException one line naming a bad base URL, an
     *         unknown extra or a value that does not parse
     */
    @Override
    public Provider create(ProviderConfig config) {
        config = ModelParams.apply(ID, Checks.notNull(config, "config"));
        OllamaSettings settings = OllamaSettings.resolve(config, env);
        ErrorMapper errors = new ErrorMapper(ID, settings.http().apiKey(), AUTH_HINT, Clock.systemUTC());
        HttpTransport transport = new HttpTransport(ID, settings.http());
        return new OllamaProvider(config.model().strip(), settings, transport, errors, warnings);
    }

    /**
     * The models the server has, from {@code GET /api/tags}.
     *
     * @throws dev.llmbench.core.spi.ProviderException carrying the classified error when the
     *         server cannot be asked
     */
    @Override
    public List<ModelInfo> listModels(ProviderConfig config) {
        config = ModelParams.apply(ID, Checks.notNull(config, "config"));
        OllamaSettings settings = OllamaSettings.resolve(config, env);
        ErrorMapper errors = new ErrorMapper(ID, settings.http().apiKey(), AUTH_HINT, Clock.systemUTC());
        try (HttpTransport transport = new HttpTransport(ID, settings.http().connectTimeout(), 2)) {
            return OllamaModelLister.list(settings.http(), transport, errors);
        }
    }
}
