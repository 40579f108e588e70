/**
 * The {@code openai} provider for any server that speaks OpenAI's chat-completions API (OpenAI
 * itself, vLLM, llama.cpp server, LM Studio, Ollama's {@code /v1}), and the chat-completions
 * client it shares with the {@code openrouter} provider.
 *
 * <p>Public API: {@link dev.llmbench.providers.openai.OpenAiProviderFactory}. The other public
 * types ({@link dev.llmbench.providers.openai.ChatCompletionsClient},
 * {@link dev.llmbench.providers.openai.ChatCompletionsRequest},
 * {@link dev.llmbench.providers.openai.ChatCompletionsBodyHandler},
 * {@link dev.llmbench.providers.openai.BodyParams}) are public only so that
 * {@code dev.llmbench.providers.openrouter} can reuse them; they are <b>not API</b> and may change
 * without notice.
 *
 * <p>Wire format (PROTOCOLS.md sections C, A.9, B.4): a {@code POST} of a JSON request with
 * {@code stream: true}; the response is server-sent events of {@code chat.completion.chunk}
 * objects ended by {@code data: [DONE]}. The client is tolerant where servers differ: usage on a
 * chunk with empty, null or non-empty choices; a finish chunk with an empty delta or with
 * {@code role} and empty {@code content}; reasoning as {@code reasoning} or
 * {@code reasoning_content}; tool-call arguments streamed in pieces or sent whole; and a plain
 * JSON body when a server ignores {@code stream: true}.
 *
 * @since 0.1
 */
package dev.llmbench.providers.openai;
