package dev.llmbench.core.runner;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Checks;

/**
 * A model spec, {@code provider:model}, split on the first colon: {@code ollama:gemma4:e4b} is
 * provider {@code ollama}, model {@code gemma4:e4b}. Immutable and thread-safe.
 *
 * @param provider the provider id, lowercase; never blank
 * @param model    the provider's model name (may contain colons, slashes and a {@code ?query});
 *                 never blank
 * @since 0.1
 */
public record ModelSpec(String provider, String model) {
    /** Validates the components. */
    public ModelSpec {
        Checks.id(provider, "provider");
        Checks.notBlank(model, "model");
    }

    /**
     * Parses {@code provider:model}.
     *
     * @throws BenchConfigurationException with an example when the spec has no colon or a blank part
     */
    public static ModelSpec parse(String spec) {
        Checks.notNull(spec, "spec");
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new BenchConfigurationException("model spec \"" + spec
                    + "\" must be provider:model, e.g. ollama:gemma4:e4b, openrouter:minimax/minimax-m3 or sim:oracle");
        }
        String provider = spec.substring(0, colon).strip();
        String model = spec.substring(colon + 1).strip();
        try {
            return new ModelSpec(provider, model);
        } catch (IllegalArgumentException e) {
            throw new BenchConfigurationException("model spec \"" + spec + "\": " + e.getMessage(), e);
        }
    }

    /** The spec as written, {@code provider:model}. */
    @Override
    public String toString() {
        return provider + ":" + model;
    }
}
