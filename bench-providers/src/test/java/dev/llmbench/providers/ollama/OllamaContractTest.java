package dev.llmbench.providers.ollama;

import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.testkit.WireFormat;
import dev.llmbench.testkit.contract.HttpProviderContract;

class OllamaContractTest extends HttpProviderContract {
    @Override
    protected ProviderFactory factory() {
        return new OllamaProviderFactory();
    }

    @Override
    protected WireFormat wireFormat() {
        return WireFormat.OLLAMA;
    }
}
