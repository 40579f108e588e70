package dev.llmbench.core.spi;

/**
 * Creates {@link Provider}s; what {@link java.util.ServiceLoader} discovers.
 *
 * <h2>Registration</h2>
 * List the implementation in {@code META-INF/services/dev.llmbench.core.spi.ProviderFactory}.
 *
 * <h2>Constructor requirements</h2>
 * A public no-arg constructor that does no I/O. Implementations are stateless and thread-safe.
 *
 * @since 0.1
 */
public interface ProviderFactory {
    /** The stable lowercase id used as the model spec prefix, e.g. {@code "ollama"}. */
    String id();

    /** One line describing the provider, for {@code llmbench list providers}. */
    String description();

    /**
     * Creates a provider. Does not contact the server.
     *
     * @throws dev.llmbench.core.BenchConfigurationException when the config is unusable (a missing
     *         API key, an unknown model parameter)
     */
    Provider create(ProviderConfig config);

    /**
     * The models the server behind {@code config} offers ({@code config.model()} is ignored).
     * Contacts the server.
     *
     * @throws dev.llmbench.core.BenchConfigurationException when this provider cannot list models
     * @throws ProviderException carrying the classified error when the server cannot be asked
     */
    default java.util.List<ModelInfo> listModels(ProviderConfig config) {
        throw new dev.llmbench.core.BenchConfigurationException("provider '" + id() + "' cannot list its models");
    }
}
