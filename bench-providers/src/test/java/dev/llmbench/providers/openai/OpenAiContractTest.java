package dev.llmbench.providers.openai;

import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.testkit.WireFormat;
import dev.llmbench.testkit.contract.HttpProviderContract;

class OpenAiContractTest extends HttpProviderContract {
    @Override
    protected ProviderFactory factory() {
        return new OpenAiProviderFactory();
    }

    @Override
    protected WireFormat wireFormat() {
        return WireFormat.OPENAI;
    }
}
