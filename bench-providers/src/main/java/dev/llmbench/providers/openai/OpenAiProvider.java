package dev.llmbench.providers.openai;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.util.Set;

/**
 * One model on one OpenAI-compatible server, reached through a {@link ChatCompletionsClient}.
 *
 * <p>Thread-safe: the runner sends concurrent requests through one instance. {@link #close()}
 * aborts requests in flight (each ends with {@code cancelled}) and releases the connection pool.
 *
 * @since 0.1
 */
final class OpenAiProvider implements Provider {
    /**
     * What an OpenAI-compatible server can do. Usage needs {@code stream_options.include_usage}
     * (sent unless {@code include_usage=false}); reasoning is reported when the server streams it;
     * server timings are passed on when a server sends them (llama.cpp) but not promised.
     */
    static final Set<Capability> CAPABILITIES = Set.of(Capability.STREAMING, Capability.TOOLS, Capability.JSON_MODE,
            Capability.JSON_SCHEMA, Capability.REASONING, Capability.USAGE);

    private final String model;
    private final ChatCompletionsClient client;

    OpenAiProvider(String model, ChatCompletionsClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public String id() {
        return OpenAiProviderFactory.ID;
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
        return "OpenAiProvider[" + model + " via " + client + "]";
    }
}
