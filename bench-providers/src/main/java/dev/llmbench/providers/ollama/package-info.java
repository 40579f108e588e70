/**
 * The {@code ollama} provider: models served by Ollama (local, or Ollama Cloud) over the native
 * {@code POST /api/chat} API, streamed as NDJSON.
 *
 * <p>It maps the provider-neutral request to Ollama's wire format ({@code format} as
 * {@code "json"} or a JSON-schema object, tools with object arguments, {@code options},
 * {@code keep_alive}, {@code think}), sizes {@code num_ctx} so that long prompts are not silently
 * truncated, refuses tools or thinking on models whose {@code /api/show} capabilities lack them,
 * and turns the stream into content, reasoning, tool-call, usage, server-timing and terminal
 * events. {@code llmbench list models --provider ollama} reads {@code /api/tags}.
 *
 * <p>Only {@link dev.llmbench.providers.ollama.OllamaProviderFactory} is public API; the other
 * types are package-private implementation.
 *
 * @since 0.1
 */
package dev.llmbench.providers.ollama;
