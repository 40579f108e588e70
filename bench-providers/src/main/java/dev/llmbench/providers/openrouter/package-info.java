/**
 * The {@code openrouter} provider: OpenRouter's OpenAI-style chat completions
 * ({@code https://openrouter.ai/api/v1/chat/completions}) over server-sent events, on the shared
 * chat-completions client of {@link dev.llmbench.providers.openai}.
 *
 * <p>OpenRouter quirks handled (PROTOCOLS.md section B): {@code : OPENROUTER PROCESSING} comments
 * at the start and between events; usage with {@code cost} on a chunk that still has choices
 * (repeating the finish reason, or with {@code finish_reason: null}), counted once; mid-stream
 * {@code error} objects with {@code finish_reason: "error"} and a numeric or string {@code code};
 * {@code reasoning} with {@code reasoning_details}; a response {@code model} that differs from the
 * requested one; {@code 402} as {@code payment_required}; {@code 429} with
 * {@code X-RateLimit-Reset} in epoch milliseconds; error bodies with {@code metadata.raw} and
 * {@code provider_name}.
 *
 * <p>Public API: {@link dev.llmbench.providers.openrouter.OpenRouterProviderFactory}; the other
 * types are package-private.
 *
 * @since 0.1
 */
package dev.llmbench.providers.openrouter;
