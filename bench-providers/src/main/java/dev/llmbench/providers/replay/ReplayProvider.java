package dev.llmbench.providers.replay;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.util.Set;

/**
 * The original provider, created in replay mode, under the id {@code replay} and the model of the
 * replay spec. Everything else (request mapping, parsing, capabilities) is the original's.
 * Thread-safe when the original is.
 */
final class ReplayProvider implements Provider {
    private final String model;
    private final Provider original;

    ReplayProvider(String model, Provider original) {
        this.model = model;
        this.original = original;
    }

    @Override
    public String id() {
        return ReplayProviderFactory.ID;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Set<Capability> capabilities() {
        return original.capabilities();
    }

    @Override
    public StreamHandle stream(ChatRequest request, StreamListener listener) {
        return original.stream(request, listener);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return original.chat(request);
    }

    /** The provider doing the work (for tests). */
    Provider original() {
        return original;
    }

    @Override
    public void close() {
        original.close();
    }

    @Override
    public String toString() {
        return "ReplayProvider[" + model + ", " + original + "]";
    }
}
