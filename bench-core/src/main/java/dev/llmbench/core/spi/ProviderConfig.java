package dev.llmbench.core.spi;

import dev.llmbench.core.internal.Checks;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@link ProviderFactory} needs to create a {@link Provider}. Immutable and
 * thread-safe; {@link #toString()} never shows the API key.
 *
 * @param model          the model name after the provider prefix of the spec (for {@code
 *                       ollama:gemma4:e4b}, {@code gemma4:e4b}); never blank
 * @param baseUrl        the server's base URL, or empty for the provider's default; never null
 * @param apiKey         the API key, or {@link Secret#NONE}; never null
 * @param connectTimeout how long to wait for a connection; positive
 * @param requestTimeout how long a whole request may take; positive
 * @param extras         provider-specific settings; never null
 * @since 0.1
 */
public record ProviderConfig(
        String model,
        String baseUrl,
        Secret apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        Map<String, String> extras) {

    /**
     * The extra through which the runner asks a provider to record its exchanges: a directory
     * path (absolute). Providers that record (the HTTP providers) store every request and its raw
     * response stream there; providers with nothing to record (the simulator) ignore it. Set by
     * {@link dev.llmbench.core.runner.Options#recordDir()}.
     */
    public static final String EXTRA_RECORD_DIR = "record_dir";

    /**
     * The extra through which the runner says how many requests it may have in flight at once
     * (a positive integer, always set by the runner): providers that pool connections keep at
     * least that many per server, so a request never waits for a connection inside the measured
     * time; providers without a pool ignore it, as every provider must ignore runner extras it
     * has no use for.
     */
    public static final String EXTRA_MIN_CONNECTIONS = "min_connections";

    /** Validates the components and copies the map. */
    public ProviderConfig {
        Checks.notBlank(model, "model");
        Checks.notNull(baseUrl, "baseUrl");
        Checks.notNull(apiKey, "apiKey");
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        extras = Map.copyOf(Checks.notNull(extras, "extras"));
    }

    /** A config for {@code model} with default timeouts (10 s connect, 300 s request) and no key. */
    public static ProviderConfig of(String model) {
        return new ProviderConfig(model, "", Secret.NONE, Duration.ofSeconds(10), Duration.ofSeconds(300), Map.of());
    }

    /** The base URL when one is set. */
    public Optional<String> baseUrlOverride() {
        return baseUrl.isBlank() ? Optional.empty() : Optional.of(baseUrl);
    }

    /** A copy with the base URL set. */
    public ProviderConfig withBaseUrl(String url) {
        return new ProviderConfig(model, url, apiKey, connectTimeout, requestTimeout, extras);
    }

    /** A copy with the API key set. */
    public ProviderConfig withApiKey(Secret key) {
        return new ProviderConfig(model, baseUrl, key, connectTimeout, requestTimeout, extras);
    }

    /** A copy with the request timeout set. */
    public ProviderConfig withRequestTimeout(Duration timeout) {
        return new ProviderConfig(model, baseUrl, apiKey, connectTimeout, timeout, extras);
    }

    private static void positive(Duration d, String name) {
        Checks.notNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " (" + d + ") must be positive");
        }
    }
}
