package dev.llmbench.core.spi;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.ResponseAssembler;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A connection to one model on one model server. Created by a {@link ProviderFactory}; owns its
 * HTTP client, so it is {@link AutoCloseable}.
 *
 * <p>Providers report events and never time anything: the core timing engine stamps each event
 * as it is delivered. Implementations must be thread-safe: the runner sends concurrent requests
 * through one provider.
 *
 * @since 0.1
 */
public interface Provider extends AutoCloseable {

    /** The factory id, e.g. {@code "ollama"}. */
    String id();

    /** The model name, e.g. {@code "gemma4:e4b"}. */
    String model();

    /** What this provider can do. */
    Set<Capability> capabilities();

    /**
     * Starts a request and returns at once; events reach {@code listener} as they arrive, as the
     * {@link StreamListener} contract describes. A failure of any kind (including an unreachable
     * server) is delivered as a {@link StreamEvent.Failed} event, never thrown.
     *
     * @return a handle to cancel the request; never null
     */
    StreamHandle stream(ChatRequest request, StreamListener listener);

    /**
     * Sends a request and waits for the complete response.
     *
     * @throws ProviderException carrying the classified error when the request fails
     */
    default ChatResponse chat(ChatRequest request) {
        ResponseAssembler assembler = new ResponseAssembler();
        CompletableFuture<StreamEvent> done = new CompletableFuture<>();
        StreamHandle handle = stream(request, event -> {
            assembler.accept(event);
            if (event.terminal()) {
                done.complete(event);
            }
        });
        try {
            StreamEvent terminal = done.get();
            if (terminal instanceof StreamEvent.Failed f) {
                throw new ProviderException(f.error());
            }
            return assembler.response();
        } catch (InterruptedException e) {
            handle.cancel(ErrorClass.CANCELLED);
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderError.of(ErrorClass.CANCELLED, "interrupted while waiting for " + id()));
        } catch (ExecutionException e) {
            throw new ProviderException(ProviderError.of(ErrorClass.INTERNAL, String.valueOf(e.getCause())));
        }
    }

    /**
     * Checks, before a run sends anything, that the provider's server accepts connections (for an
     * HTTP provider: a TCP connection to its base URL, no request). The default does nothing, for
     * providers without a server.
     *
     * @throws dev.llmbench.core.BenchConfigurationException one actionable line when the server
     *         cannot be reached
     */
    default void checkReachable() {}

    /** Releases the provider's resources. Does not throw checked exceptions. */
    @Override
    void close();
}
