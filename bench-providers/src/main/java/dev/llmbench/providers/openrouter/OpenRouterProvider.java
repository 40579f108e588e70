package dev.llmbench.providers.openrouter;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.providers.openai.ChatCompletionsClient;
import java.util.Set;

/**
 * One OpenRouter model, reached through the shared {@link ChatCompletionsClient}.
 *
 * <p>Thread-safe: the runner sends concurrent requests through one instance. {@link #close()}
 * aborts requests in flight (each ends with {@code cancelled}) and releases the connection pool.
 *
 * @since 0.1
 */
final class OpenRouterProvider implements Provider {
    /**
     * What OpenRouter offers: usage with cost on every response; tools, JSON modes and reasoning
     * depend on the routed model (OpenRouter ignores what a model cannot do unless
     * {@code provider.require_parameters} is set). No server timings.
     */
    static final Set<Capability> CAPABILITIES = Set.of(Capability.STREAMING, Capability.TOOLS, Capability.JSON_MODE,
            Capability.JSON_SCHEMA, Capability.REASONING, Capability.USAGE);

    private final String model;
    private final ChatCompletionsClient client;

    OpenRouterProvider(String model, ChatCompletionsClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public String id() {
        return OpenRouterProviderFactory.ID;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StreamHandle stream(ChatRequest request, StreamListener listener) {
        return client.stream(model, request, listener);
    }

    /** The client (for tests). */
    ChatCompletionsClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "OpenRouterProvider[" + model + "]";
    }
}
