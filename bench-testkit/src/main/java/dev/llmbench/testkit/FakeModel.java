package dev.llmbench.testkit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A model in the {@link FakeLlmServer}'s catalog, listed by {@code /api/tags}, {@code /api/show},
 * {@code /v1/models} and {@code /api/v1/models}.
 *
 * <p>Once a server has at least one model, chat requests for a model it does not list are
 * answered with the format's "model not found" error, and Ollama chat requests carrying
 * {@code tools} for a model without the {@code tools} capability get
 * {@code 400 {"error":"<model> does not support tools"}}. With an empty catalog every model
 * name is accepted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the model name as clients send it, e.g. {@code llama3.2:latest} or {@code openai/gpt-4o}
 * @param contextLength context window in tokens (Ollama {@code model_info}, OpenRouter {@code context_length})
 * @param capabilities Ollama capabilities, e.g. {@code completion}, {@code tools}, {@code thinking}
 * @param promptPrice OpenRouter price per prompt token in USD, rendered as a decimal string
 * @param completionPrice OpenRouter price per completion token in USD, rendered as a decimal string
 * @param sizeBytes the model size in bytes reported by {@code /api/tags}
 * @since 0.1
 */
public record FakeModel(String name, int contextLength, List<String> capabilities, BigDecimal promptPrice,
        BigDecimal completionPrice, long sizeBytes) {

    /** Validates and copies. */
    public FakeModel {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (contextLength <= 0) {
            throw new IllegalArgumentException("contextLength (" + contextLength + ") must be positive");
        }
        capabilities = List.copyOf(capabilities);
        Objects.requireNonNull(promptPrice, "promptPrice");
        Objects.requireNonNull(completionPrice, "completionPrice");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes (" + sizeBytes + ") must not be negative");
        }
    }

    /**
     * A model with a 4096-token context, capabilities {@code completion} and {@code tools},
     * free pricing and a size of 2 GB.
     *
     * @param name the model name, not blank
     * @return the model, never null
     */
    public static FakeModel of(String name) {
        return new FakeModel(name, 4096, List.of("completion", "tools"), BigDecimal.ZERO, BigDecimal.ZERO,
                2_019_393_189L);
    }

    /** @return a copy with another context length in tokens */
    public FakeModel withContextLength(int tokens) {
        return new FakeModel(name, tokens, capabilities, promptPrice, completionPrice, sizeBytes);
    }

    /** @return a copy with exactly these Ollama capabilities */
    public FakeModel withCapabilities(String... caps) {
        return new FakeModel(name, contextLength, List.of(caps), promptPrice, completionPrice, sizeBytes);
    }

    /**
     * @param prompt USD per prompt token, e.g. {@code "0.00000015"}
     * @param completion USD per completion token
     * @return a copy with these OpenRouter prices
     */
    public FakeModel withPricing(String prompt, String completion) {
        return new FakeModel(name, contextLength, capabilities, new BigDecimal(prompt), new BigDecimal(completion),
                sizeBytes);
    }

    boolean supports(String capability) {
        return capabilities.contains(capability);
    }
}
