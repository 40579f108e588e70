package dev.llmbench.testkit.junit;

import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import java.util.List;

/**
 * A provider factory that gives every provider it creates a fixed base URL, so a run can be
 * pointed at a {@code FakeLlmServer} or a local server without environment variables. Immutable.
 */
final class BaseUrlProviderFactory implements ProviderFactory {
    private final ProviderFactory delegate;
    private final String baseUrl;

    BaseUrlProviderFactory(ProviderFactory delegate, String baseUrl) {
        this.delegate = delegate;
        this.baseUrl = baseUrl;
    }

    /** {@code base} with provider {@code id}'s factory wrapped to use {@code baseUrl}. */
    static ServiceRegistry registry(ServiceRegistry base, String id, String baseUrl) {
        base.provider(id); // an unknown provider fails here, listing the known ones
        ServiceRegistry.Builder b = ServiceRegistry.builder().noDiscovery();
        base.providers().values().forEach(f -> b.provider(f.id().equals(id) ? new BaseUrlProviderFactory(f, baseUrl) : f));
        base.graders().values().forEach(b::grader);
        base.suites().values().forEach(b::suite);
        base.tests().values().forEach(b::test);
        return b.build();
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String description() {
        return delegate.description() + " (base URL " + baseUrl + ")";
    }

    @Override
    public Provider create(ProviderConfig config) {
        return delegate.create(config.withBaseUrl(baseUrl));
    }

    @Override
    public List<ModelInfo> listModels(ProviderConfig config) {
        return delegate.listModels(config.withBaseUrl(baseUrl));
    }
}
