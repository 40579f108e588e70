package dev.llmbench.providers.internal;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.ProviderConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings written after the model name in a spec, query style:
 * {@code openai:gpt-4o?reasoning_effort=low&idle_timeout=30s} is model {@code gpt-4o} with two
 * extras. Every HTTP provider accepts this form, so any setting can be given per model on the
 * command line. Stateless and thread-safe.
 */
public final class ModelParams {
    private ModelParams() {}

    /**
     * {@code config} with the query part of its model moved into its extras (a query value wins
     * over an extra of the same name).
     *
     * @throws BenchConfigurationException when the model name is empty or a part is not key=value
     */
    public static ProviderConfig apply(String provider, ProviderConfig config) {
        String spec = config.model().strip();
        int q = spec.indexOf('?');
        if (q < 0) {
            return config;
        }
        String model = spec.substring(0, q).strip();
        if (model.isEmpty()) {
            throw new BenchConfigurationException("provider '" + provider + "': model spec \"" + spec
                    + "\" has no model name before '?'");
        }
        Map<String, String> extras = new HashMap<>(config.extras());
        for (String pair : spec.substring(q + 1).split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BenchConfigurationException("provider '" + provider + "': model parameter \"" + pair
                        + "\" must be key=value, e.g. " + model + "?idle_timeout=30s");
            }
            extras.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return new ProviderConfig(model, config.baseUrl(), config.apiKey(), config.connectTimeout(),
                config.requestTimeout(), extras);
    }
}
