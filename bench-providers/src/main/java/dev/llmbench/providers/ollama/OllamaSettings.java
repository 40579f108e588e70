package dev.llmbench.providers.ollama;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.providers.internal.HttpSettings;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The resolved settings of one Ollama provider: connection settings, the model parameters given
 * as provider extras, and the context-sizing limits. Immutable and thread-safe.
 *
 * <p>Context sizing extras (see {@link ContextPlan}):
 * <ul>
 *   <li>{@code num_ctx_max}: the largest {@code num_ctx} automatic sizing may choose, in tokens;
 *       default {@value #DEFAULT_NUM_CTX_MAX} (a larger context costs memory on the server); the
 *       model's own limit from {@code /api/show} also applies;</li>
 *   <li>{@code server_num_ctx}: the context the server gives a request that sets none, in tokens;
 *       default {@value #DEFAULT_SERVER_NUM_CTX} (Ollama's default; set it when the server runs with
 *       {@code OLLAMA_CONTEXT_LENGTH}); a model whose Modelfile sets {@code num_ctx} uses that;</li>
 *   <li>{@code output_reserve}: the output tokens reserved when a request sets no
 *       {@code maxTokens}; default {@value #DEFAULT_OUTPUT_RESERVE}.</li>
 * </ul>
 * A {@code num_ctx} extra fixes the context and turns automatic sizing off.
 *
 * @param http          connection settings
 * @param params        model options and top-level fields from the provider extras
 * @param numCtxMax     the ceiling of automatic sizing, in tokens
 * @param serverNumCtx  the server's default context, in tokens
 * @param outputReserve the output budget assumed when a request sets no limit, in tokens
 */
record OllamaSettings(HttpSettings http, OllamaParams.Parsed params, int numCtxMax, int serverNumCtx,
        int outputReserve) {
    static final int DEFAULT_NUM_CTX_MAX = 65_536;
    static final int DEFAULT_SERVER_NUM_CTX = 4_096;
    static final int DEFAULT_OUTPUT_RESERVE = 2_048;
    /** The extras that only shape context sizing. */
    static final Set<String> SIZING = Set.of("num_ctx_max", "server_num_ctx", "output_reserve");

    /**
     * Resolves {@code config}: base URL from the config, else {@code OLLAMA_HOST}, else
     * {@code http://127.0.0.1:11434}; API key from the config, else {@code OLLAMA_API_KEY} (only
     * needed for Ollama Cloud).
     *
     * @throws BenchConfigurationException one line naming the bad setting
     */
    static OllamaSettings resolve(ProviderConfig config, UnaryOperator<String> env) {
        String raw = config.baseUrlOverride().orElseGet(() -> env.apply("OLLAMA_HOST"));
        String base = OllamaHost.toBaseUrl(raw);
        Set<String> known = new TreeSet<>(OllamaParams.names());
        known.addAll(SIZING);
        HttpSettings http = HttpSettings.resolve(OllamaProviderFactory.ID, config.withBaseUrl(base), env, null,
                OllamaHost.DEFAULT_URL, "OLLAMA_API_KEY", false, known);
        Map<String, String> extras = http.extras();
        OllamaParams.Parsed params;
        try {
            params = OllamaParams.parse(extras);
        } catch (IllegalArgumentException e) {
            throw new BenchConfigurationException("provider 'ollama': " + e.getMessage());
        }
        int max = positive(extras, "num_ctx_max", DEFAULT_NUM_CTX_MAX);
        int server = positive(extras, "server_num_ctx", DEFAULT_SERVER_NUM_CTX);
        int reserve = positive(extras, "output_reserve", DEFAULT_OUTPUT_RESERVE);
        return new OllamaSettings(http, params, max, server, reserve);
    }

    private static int positive(Map<String, String> extras, String key, int fallback) {
        String v = extras.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BenchConfigurationException("provider 'ollama': " + key
                + " must be a positive whole number of tokens, got \"" + v + "\"");
    }
}
