package dev.llmbench.providers.anthropic;

import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.testkit.WireFormat;
import dev.llmbench.testkit.contract.HttpProviderContract;

class AnthropicContractTest extends HttpProviderContract {
    @Override
    protected ProviderFactory factory() {
        return new AnthropicProviderFactory();
    }

    @Override
    protected WireFormat wireFormat() {
        return WireFormat.ANTHROPIC;
    }
}
