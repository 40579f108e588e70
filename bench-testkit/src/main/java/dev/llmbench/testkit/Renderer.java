package dev.llmbench.testkit;

/**
 * Turns the pieces of one reply into the bytes of one wire format. One instance per exchange
 * (Anthropic tracks open content blocks). Frames are strings; the driver encodes them as UTF-8.
 * Not API.
 */
abstract class Renderer {

    /** Text the driver swaps for the bytes {@code 0xC3 0x28} (invalid UTF-8). */
    static final String INVALID_UTF8_MARK = "@@FAKE-LLM-INVALID-UTF8@@";

    /** Text the driver swaps for generated filler in an oversize non-streaming body. */
    static final String OVERSIZE_MARK = "@@FAKE-LLM-OVERSIZE@@";

    final ReplyContext ctx;

    Renderer(ReplyContext ctx) {
        this.ctx = ctx;
    }

    static Renderer of(ReplyContext ctx) {
        switch (ctx.format) {
            case OLLAMA:
                return new OllamaRenderer(ctx);
            case ANTHROPIC:
                return new AnthropicRenderer(ctx);
            default:
                return new OpenAiRenderer(ctx);
        }
    }

    /** @return the Content-Type of a streamed body */
    abstract String streamContentType();

    /** @return whether the stream is SSE (adds {@code Cache-Control: no-cache}) */
    boolean sse() {
        return true;
    }

    /** @return frames written with the headers, before any chunk; may be empty */
    abstract String preamble();

    /** @return default number of keep-alive frames after the preamble */
    int defaultStreamKeepAlive() {
        return 0;
    }

    /** @return one keep-alive frame: comment, ping or blank line */
    abstract String keepAliveFrame();

    /** @return the frame(s) for one output chunk */
    abstract String piece(Piece piece);

    /** @return the terminal frames: finish, usage, {@code [DONE]} or {@code done:true} */
    abstract String finish();

    /** @return the mid-stream error frame; nothing follows it */
    abstract String midStreamError(Object code, String message);

    /** @return a frame that is not valid JSON */
    abstract String malformedFrame();

    /** @return the whole non-streaming JSON body; {@code content} replaces the reply's content */
    abstract String nonStreamBody(String content);

    /** @return the Content-Type of a non-streaming body */
    String nonStreamContentType() {
        return "application/json";
    }

    /** @return default keep-alive units of whitespace before a non-streaming body */
    int defaultBodyKeepAlive() {
        return 0;
    }

    /** @return the response for a scripted error on a non-streaming request */
    ErrorBodies.Response nonStreamError(Object code, String message) {
        int status = code instanceof Integer ? (Integer) code : 500;
        return ErrorBodies.render(ctx.format, status, message, null);
    }

    /** SSE event with only a data line. */
    String data(String json) {
        return "data: " + json + ctx.nl + ctx.nl;
    }

    /** SSE event with an event line and a data line. */
    String event(String name, String json) {
        return "event: " + name + ctx.nl + "data: " + json + ctx.nl + ctx.nl;
    }
}
