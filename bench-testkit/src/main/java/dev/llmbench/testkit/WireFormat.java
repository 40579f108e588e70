package dev.llmbench.testkit;

/**
 * The wire format a request arrived in, decided by its path.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum WireFormat {
    /** Ollama native API: {@code /api/chat}, {@code /api/generate} and the {@code /api/...} info endpoints. */
    OLLAMA,
    /** OpenAI chat completions: {@code /v1/chat/completions}, {@code /v1/models}. */
    OPENAI,
    /** OpenRouter: {@code /api/v1/chat/completions}, {@code /api/v1/models}. */
    OPENROUTER,
    /** Anthropic Messages: {@code /v1/messages}. */
    ANTHROPIC,
    /** Any other path (answered with 404 or, for {@code GET /}, the Ollama banner). */
    NONE
}
