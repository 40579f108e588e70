package dev.llmbench.providers.internal.http;

import dev.llmbench.core.internal.Checks;
import java.time.Duration;
import java.util.Map;

/**
 * Which provider configuration recorded a cassette: enough to create the same provider again,
 * pointed at the recordings instead of the server. Never holds an API key. Immutable and
 * thread-safe.
 *
 * @param provider       the provider id (the transport's name), e.g. {@code anthropic}
 * @param model          the model of the provider config, e.g. {@code claude-sonnet-4-5}
 * @param baseUrl        the base URL the requests went to (without user info)
 * @param configExtras   the provider config's extras, without the cassette extras
 * @param connectTimeout the config's connect timeout
 * @param requestTimeout the config's request timeout
 */
public record CassetteSource(String provider, String model, String baseUrl, Map<String, String> configExtras,
        Duration connectTimeout, Duration requestTimeout) {
    /** Validates the components and copies the map. */
    public CassetteSource {
        Checks.notBlank(provider, "provider");
        Checks.notNull(model, "model");
        Checks.notNull(baseUrl, "baseUrl");
        configExtras = Map.copyOf(Checks.notNull(configExtras, "configExtras"));
        Checks.notNull(connectTimeout, "connectTimeout");
        Checks.notNull(requestTimeout, "requestTimeout");
    }

    /** {@code provider:model}, as in a model spec. */
    public String spec() {
        return provider + ":" + model;
    }

    @Override
    public String toString() {
        return spec() + " at " + baseUrl + (configExtras.isEmpty() ? "" : " with " + new java.util.TreeMap<>(configExtras));
    }
}
