/**
 * The {@code anthropic} provider: Anthropic's Messages API ({@code POST /v1/messages}) streamed
 * over server-sent events, with {@code x-api-key} and {@code anthropic-version} headers.
 *
 * <p>System messages become the top-level {@code system} string; assistant tool calls become
 * {@code tool_use} content blocks and tool results {@code tool_result} blocks in user turns.
 * The stream's {@code text_delta}, {@code thinking_delta} and {@code input_json_delta} pieces
 * are reported as content, reasoning and tool-call fragments the moment their bytes arrive;
 * input tokens from {@code message_start} and the cumulative output tokens of the last
 * {@code message_delta} are reported once, as one usage event, just before completion.
 *
 * <p>Anthropic has no JSON mode: a JSON or JSON-Schema response format is requested with a
 * system-prompt instruction, or, for schemas on models that support it and only when configured,
 * with the native {@code output_config.format}. See
 * {@link dev.llmbench.providers.anthropic.AnthropicProviderFactory} for settings. Only the factory
 * is public API; the other types are package-private implementation.
 *
 * @since 0.1
 */
package dev.llmbench.providers.anthropic;
