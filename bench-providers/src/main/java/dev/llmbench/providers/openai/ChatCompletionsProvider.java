package dev.llmbench.providers.openai;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.util.Set;

/**
 * One model behind a chat-completions endpoint, reached through a {@link ChatCompletionsClient}:
 * what the {@code openai} and {@code openrouter} providers create, differing only in their id,
 * client settings and capabilities.
 *
 * <p>Thread-safe: the runner sends concurrent requests through one instance. {@link #close()}
 * aborts requests in flight (each ends with {@code cancelled}) and releases the connection pool.
 *
 * @since 0.1
 */
public final class ChatCompletionsProvider implements Provider {
    private final String id;
    private final String model;
    private final ChatCompletionsClient client;
    private final Set<Capability> capabilities;

    /**
     * @param id           the provider id, e.g. {@code openrouter}
     * @param model        the model name sent to the server
     * @param client       the client; closed with this provider
     * @param capabilities what the provider offers
     */
    public ChatCompletionsProvider(String id, String model, ChatCompletionsClient client, Set<Capability> capabilities) {
        this.id = Checks.notBlank(id, "id");
        this.model = Checks.notBlank(model, "model");
        this.client = Checks.notNull(client, "client");
        this.capabilities = Set.copyOf(capabilities);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public StreamHandle stream(ChatRequest request, StreamListener listener) {
        return client.stream(model, request, listener);
    }

    @Override
    public void checkReachable() {
        client.checkReachable(id);
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
        return id + ":" + model + " via " + client;
    }
}
