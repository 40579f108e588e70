package dev.llmbench.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link FakeLlmServer} answers to one chat request: content, reasoning, tool calls,
 * usage, timing and faults, rendered in whichever wire format the request arrived in.
 *
 * <p>Start with {@link #text}, {@link #empty}, {@link #echo}, {@link #error}, {@link #rateLimited}
 * or {@link #status}, then refine; every method returns a new {@code Reply}. Content and reasoning
 * are streamed as chunks: {@link #text} cuts at word boundaries (a leading space stays with its
 * word, like model tokens), {@link #chunks} sets them explicitly. A "chunk" below means one output
 * event carrying a content piece, a reasoning piece or a tool-call fragment (Ollama: one whole tool
 * call); preamble and terminal events do not count.
 *
 * <p>Timing is an absolute schedule measured from the moment the request was fully received
 * ({@code t0}): headers at {@code t0 + delayBeforeHeaders}, chunk {@code i} (from 0) at
 * {@code t0 + delayBeforeHeaders + delayBeforeFirstChunk + i * interChunkDelay}, the terminal
 * events {@link #delayBeforeFinish} after the last chunk's deadline. Late writes do not push later
 * deadlines back. A non-streaming response is written when its last chunk would have
 * been (keep-alive bytes, if any, go out with the headers).
 *
 * <p>Faults ({@code ...AfterChunks(n)}) fire once {@code n} chunks have been written; a larger
 * {@code n} than there are chunks fires just before the terminal events. For non-streaming
 * requests the byte-level faults (reset, stall, truncate, disconnect) fire after half the body;
 * a malformed reply cuts the JSON in half; an error reply becomes the format's error body.
 * Only one fault applies: the last one set wins.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Reply {

    private final ReplySpec spec;

    private Reply(ReplySpec spec) {
        this.spec = spec;
    }

    private interface Change {
        void apply(ReplySpec s);
    }

    private Reply with(Change change) {
        ReplySpec s = spec.copy();
        change.apply(s);
        return new Reply(s);
    }

    ReplySpec spec() {
        return spec;
    }

    /**
     * A reply with {@code text} as content, cut into word chunks.
     *
     * @param text the content, never null; {@code ""} means no content chunks
     * @return the reply, never null
     */
    public static Reply text(String text) {
        Objects.requireNonNull(text, "text");
        ReplySpec s = new ReplySpec();
        s.content = ReplySpec.words(text);
        return new Reply(s);
    }

    /** @return a reply with no content, to combine with {@link #toolCall} or {@link #reasoning}; never null */
    public static Reply empty() {
        return new Reply(new ReplySpec());
    }

    /**
     * A reply whose content is the last user message of the request (Ollama {@code /api/generate}:
     * the prompt), cut into word chunks. This is the server's default reply.
     *
     * @return the reply, never null
     */
    public static Reply echo() {
        ReplySpec s = new ReplySpec();
        s.kind = ReplySpec.Kind.ECHO;
        return new Reply(s);
    }

    /**
     * A raw response: exactly this status and body (UTF-8), {@code Content-Type} {@code application/json}
     * when the body starts with {@code {} and {@code text/plain; charset=utf-8} otherwise, unless a
     * {@link #header} overrides it.
     *
     * @param status HTTP status, 100–999
     * @param body the body, never null
     * @return the reply, never null
     */
    public static Reply status(int status, String body) {
        Objects.requireNonNull(body, "body");
        ReplySpec s = new ReplySpec();
        s.kind = ReplySpec.Kind.RAW;
        s.status = ReplySpec.checkStatus(status);
        s.rawBody = body;
        return new Reply(s);
    }

    /**
     * An error response in the request's wire format: Ollama {@code {"error":"message"}}, OpenAI a
     * pretty-printed {@code {"error":{"message","type","param","code"}}} (also for streaming
     * requests), OpenRouter {@code {"error":{"code","message","metadata"},"user_id"}}, Anthropic
     * {@code {"type":"error","error":{"type","message"}}}; types and codes follow the status.
     *
     * @param status HTTP status, 100–999
     * @param message the error message, never null
     * @return the reply, never null
     */
    public static Reply error(int status, String message) {
        Objects.requireNonNull(message, "message");
        ReplySpec s = new ReplySpec();
        s.kind = ReplySpec.Kind.ERROR;
        s.status = ReplySpec.checkStatus(status);
        s.errorMessage = message;
        return new Reply(s);
    }

    /**
     * A 429 in the request's wire format with {@code Retry-After} (whole seconds, rounded up),
     * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining: 0} and {@code X-RateLimit-Reset}
     * (epoch milliseconds when the limit resets); OpenRouter bodies repeat these headers in
     * {@code error.metadata.headers}.
     *
     * @param retryAfter time until the limit resets, not negative
     * @return the reply, never null
     */
    public static Reply rateLimited(Duration retryAfter) {
        ReplySpec s = new ReplySpec();
        s.kind = ReplySpec.Kind.ERROR;
        s.status = 429;
        s.errorMessage = "Rate limit exceeded";
        s.retryAfter = ReplySpec.nonNegative("retryAfter", retryAfter);
        return new Reply(s);
    }

    /** @return this reply with exactly these content chunks (no re-cutting); never null */
    public Reply chunks(String... pieces) {
        List<String> list = List.of(pieces);
        return with(s -> s.content = list);
    }

    /** @return this reply with reasoning ({@code thinking}) cut into word chunks, streamed before the content */
    public Reply reasoning(String text) {
        Objects.requireNonNull(text, "text");
        return with(s -> s.reasoning = ReplySpec.words(text));
    }

    /** @return this reply with exactly these reasoning chunks, streamed before the content */
    public Reply reasoningChunks(String... pieces) {
        List<String> list = List.of(pieces);
        return with(s -> s.reasoning = list);
    }

    /** @return this reply with one more tool call of {@code name} with {@code argumentsJson}, streamed after the content */
    public Reply toolCall(String name, String argumentsJson) {
        return toolCall(ToolCall.of(name, argumentsJson));
    }

    /** @return this reply with one more tool call, streamed after the content */
    public Reply toolCall(ToolCall call) {
        Objects.requireNonNull(call, "call");
        return with(s -> {
            List<ToolCall> list = new ArrayList<>(s.toolCalls);
            list.add(call);
            s.toolCalls = List.copyOf(list);
        });
    }

    /**
     * Token usage to report (OpenAI/OpenRouter {@code usage}, Ollama {@code prompt_eval_count} and
     * {@code eval_count}, Anthropic {@code input_tokens}/{@code output_tokens}). Without it the
     * prompt counts one token per word of the request and the completion one per chunk.
     *
     * @param promptTokens not negative
     * @param completionTokens not negative
     * @return a copy, never null
     */
    public Reply usage(int promptTokens, int completionTokens) {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("usage (" + promptTokens + ", " + completionTokens
                    + ") must not be negative");
        }
        return with(s -> {
            s.promptTokens = promptTokens;
            s.completionTokens = completionTokens;
        });
    }

    /** @return this reply with OpenRouter {@code usage.cost} in USD (default 0), written as a plain decimal */
    public Reply cost(double usd) {
        if (!(usd >= 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException("cost (" + usd + ") must be a finite non-negative number");
        }
        return with(s -> s.cost = new BigDecimal(Double.toString(usd)));
    }

    /**
     * The finish reason in OpenAI vocabulary ({@code stop}, {@code length}, {@code tool_calls},
     * {@code content_filter}); Anthropic maps {@code stop}/{@code length}/{@code tool_calls} to
     * {@code end_turn}/{@code max_tokens}/{@code tool_use}, Ollama reports {@code tool_calls} as
     * {@code stop}, anything else passes verbatim. Default: {@code tool_calls} when there are tool
     * calls, else {@code stop}.
     *
     * @param reason not blank
     * @return a copy, never null
     */
    public Reply finishReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        return with(s -> s.finishReason = reason);
    }

    /** @return this reply with OpenRouter's {@code native_finish_reason} (default: the finish reason) */
    public Reply nativeFinishReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        return with(s -> s.nativeFinishReason = reason);
    }

    /** @return this reply reporting {@code model} as the served model (default: the requested one) */
    public Reply model(String model) {
        Objects.requireNonNull(model, "model");
        return with(s -> s.model = model);
    }

    /** @return this reply with OpenRouter's {@code provider} field (default {@code "FakeProvider"}) */
    public Reply provider(String provider) {
        Objects.requireNonNull(provider, "provider");
        return with(s -> s.provider = provider);
    }

    /** @return this reply with these Ollama final-chunk metrics (default {@link ServerTimings#measured()}) */
    public Reply serverTimings(ServerTimings timings) {
        Objects.requireNonNull(timings, "timings");
        return with(s -> s.timings = timings);
    }

    /** @return this reply with one more response header (overrides a generated one of the same name) */
    public Reply header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return with(s -> {
            Map<String, String> map = new LinkedHashMap<>(s.headers);
            map.put(name, value);
            s.headers = map;
        });
    }

    /** @return this reply with the status line held back for {@code delay} after the request arrived */
    public Reply delayBeforeHeaders(Duration delay) {
        Duration d = ReplySpec.nonNegative("delayBeforeHeaders", delay);
        return with(s -> s.delayBeforeHeaders = d);
    }

    /** @return this reply with the first chunk due {@code delay} after the headers' deadline */
    public Reply delayBeforeFirstChunk(Duration delay) {
        Duration d = ReplySpec.nonNegative("delayBeforeFirstChunk", delay);
        return with(s -> s.delayBeforeFirstChunk = d);
    }

    /** @return this reply with chunk {@code i} due {@code i * delay} after the first chunk's deadline */
    public Reply interChunkDelay(Duration delay) {
        Duration d = ReplySpec.nonNegative("interChunkDelay", delay);
        return with(s -> s.interChunkDelay = d);
    }

    /**
     * @return this reply with the terminal events of a stream (finish, usage, {@code [DONE]},
     *     {@code done:true}) due {@code delay} after the last chunk's deadline (with no chunks: after
     *     the headers' deadline); default zero, i.e. right after the last chunk
     */
    public Reply delayBeforeFinish(Duration delay) {
        Duration d = ReplySpec.nonNegative("delayBeforeFinish", delay);
        return with(s -> s.delayBeforeFinish = d);
    }

    /** @return this reply ending with the format's mid-stream error event (default code) after {@code n} chunks */
    public Reply errorAfterChunks(int n, String message) {
        return fault(new Fault(Fault.Kind.ERROR, n, null, Objects.requireNonNull(message, "message")));
    }

    /** @return as {@link #errorAfterChunks(int, String)} with a numeric code (OpenRouter {@code error.code}) */
    public Reply errorAfterChunks(int n, int code, String message) {
        return fault(new Fault(Fault.Kind.ERROR, n, code, Objects.requireNonNull(message, "message")));
    }

    /**
     * As {@link #errorAfterChunks(int, String)} with a string code: OpenRouter's {@code "server_error"}
     * variant, OpenAI's {@code error.code}, Anthropic's {@code error.type} (e.g. {@code overloaded_error}).
     *
     * @return a copy, never null
     */
    public Reply errorAfterChunks(int n, String code, String message) {
        return fault(new Fault(Fault.Kind.ERROR, n, Objects.requireNonNull(code, "code"),
                Objects.requireNonNull(message, "message")));
    }

    /** @return this reply resetting the TCP connection (SO_LINGER 0, close) after {@code n} chunks */
    public Reply resetAfterChunks(int n) {
        return fault(new Fault(Fault.Kind.RESET, n, null, null));
    }

    /** @return this reply going silent after {@code n} chunks, socket open until the client or {@link FakeLlmServer#close()} ends it */
    public Reply stallAfterChunks(int n) {
        return fault(new Fault(Fault.Kind.STALL, n, null, null));
    }

    /** @return this reply ending the HTTP body cleanly after {@code n} chunks, without finish/usage/{@code [DONE]}/{@code done:true} */
    public Reply truncateAfterChunks(int n) {
        return fault(new Fault(Fault.Kind.TRUNCATE, n, null, null));
    }

    /** @return this reply closing the connection (FIN) after {@code n} chunks without ending the chunked body */
    public Reply disconnectAfterChunks(int n) {
        return fault(new Fault(Fault.Kind.DISCONNECT, n, null, null));
    }

    /** @return this reply writing a line that is not JSON after {@code n} chunks, then carrying on */
    public Reply malformedLineAfterChunks(int n) {
        return fault(new Fault(Fault.Kind.MALFORMED, n, null, null));
    }

    /** @return this reply writing a content chunk holding bytes {@code 0xC3 0x28} (invalid UTF-8) after {@code n} chunks, then carrying on */
    public Reply invalidUtf8AfterChunks(int n) {
        return fault(new Fault(Fault.Kind.INVALID_UTF8, n, null, null));
    }

    private Reply fault(Fault fault) {
        return with(s -> s.fault = fault);
    }

    /**
     * Keep-alive bytes sent with the headers: for non-streaming bodies {@code count} times
     * {@code "\n" + 9 spaces + "\n"} before the JSON (OpenRouter default 9, i.e. 99 bytes); for
     * SSE {@code count} {@code : OPENROUTER PROCESSING} comments (OpenRouter default 1); for
     * Anthropic {@code count} {@code ping} events (default 1); for NDJSON {@code count} blank lines.
     * Other defaults are 0.
     *
     * @param count not negative
     * @return a copy, never null
     */
    public Reply keepAlive(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("keepAlive (" + count + ") must not be negative");
        }
        return with(s -> s.keepAlive = count);
    }

    /** @return this reply with one keep-alive comment, ping or blank line between consecutive chunks */
    public Reply keepAliveBetweenChunks() {
        return with(s -> s.keepAliveBetweenChunks = true);
    }

    /**
     * A body of at least {@code bytes} bytes: content chunks of filler text are generated on the
     * fly (never held in memory whole) until the body reaches the size, then the stream ends normally.
     *
     * @param bytes target body size in bytes, positive
     * @return a copy, never null
     */
    public Reply oversize(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("oversize (" + bytes + ") must be positive");
        }
        return with(s -> s.oversizeBytes = bytes);
    }

    /**
     * Writes every chunk containing a multi-byte UTF-8 character in two TCP writes (two HTTP chunks
     * when the body is chunked) split inside the first such character, pausing between them
     * (default 5 ms, see {@link #writeFragmented}).
     *
     * @return a copy, never null
     */
    public Reply splitWritesInsideUtf8() {
        return with(s -> s.splitInsideUtf8 = true);
    }

    /**
     * Writes every chunk in pieces of at most {@code maxBytes} bytes, flushing and pausing
     * {@code pause} between pieces.
     *
     * @param maxBytes positive
     * @param pause not negative; also used by {@link #splitWritesInsideUtf8()}
     * @return a copy, never null
     */
    public Reply writeFragmented(int maxBytes, Duration pause) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes (" + maxBytes + ") must be positive");
        }
        Duration p = ReplySpec.nonNegative("pause", pause);
        return with(s -> {
            s.fragmentBytes = maxBytes;
            s.fragmentPause = p;
        });
    }

    /** @return this reply ending SSE lines with CRLF instead of LF */
    public Reply crlfLineEndings() {
        return with(s -> s.crlf = true);
    }

    @Override
    public String toString() {
        boolean plain = spec.kind == ReplySpec.Kind.RAW || spec.kind == ReplySpec.Kind.ERROR;
        return "Reply[" + spec.kind + (plain ? " " + spec.status : "")
                + " content=" + spec.content.size() + " chunks, reasoning=" + spec.reasoning.size()
                + " chunks, tools=" + spec.toolCalls.size() + (spec.fault == null ? "" : ", fault=" + spec.fault) + "]";
    }
}
