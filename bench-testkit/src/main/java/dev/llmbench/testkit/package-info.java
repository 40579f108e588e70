/**
 * A scripted, loopback LLM server for tests and benchmarks: {@link dev.llmbench.testkit.FakeLlmServer}
 * speaks the Ollama native, OpenAI-compatible, OpenRouter and Anthropic Messages wire formats
 * byte-faithfully, with timing control and byte-level fault injection.
 *
 * <p>Public API: {@link dev.llmbench.testkit.FakeLlmServer}, {@link dev.llmbench.testkit.Reply},
 * {@link dev.llmbench.testkit.RequestMatcher}, {@link dev.llmbench.testkit.ToolCall},
 * {@link dev.llmbench.testkit.ServerTimings}, {@link dev.llmbench.testkit.FakeModel},
 * {@link dev.llmbench.testkit.WireFormat}, {@link dev.llmbench.testkit.RecordedRequest} and
 * {@link dev.llmbench.testkit.RecordedExchange}. Every other type in this package is
 * package-private and not API.
 *
 * @since 0.1
 */
package dev.llmbench.testkit;
