package dev.llmbench.providers.openrouter;

import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.testkit.WireFormat;
import dev.llmbench.testkit.contract.HttpProviderContract;

class OpenRouterContractTest extends HttpProviderContract {
    @Override
    protected ProviderFactory factory() {
        return new OpenRouterProviderFactory();
    }

    @Override
    protected WireFormat wireFormat() {
        return WireFormat.OPENROUTER;
    }
}
