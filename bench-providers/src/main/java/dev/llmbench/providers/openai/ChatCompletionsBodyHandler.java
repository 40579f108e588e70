package dev.llmbench.providers.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.providers.internal.http.BodyHandler;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.Json;
import dev.llmbench.providers.internal.http.SseBodyHandler;
import dev.llmbench.providers.internal.http.SseDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses a successful chat-completions response body into stream events, as its bytes arrive.
 * Created per request; called by one thread at a time.
 *
 * <p>The body's form is decided by its first non-whitespace byte, not by its content type
 * (servers label bodies inconsistently): an opening brace means a plain JSON {@code chat.completion}
 * object (a server that ignored {@code stream: true}; OpenRouter may send whitespace keep-alive
 * bytes first), which is buffered and turned into events at its end; anything else is
 * server-sent events. Both share the rules of the chunk translator (see the package docs).
 *
 * <p>SSE: comment lines ({@code : OPENROUTER PROCESSING}) and empty {@code data:} events are
 * skipped; multi-line {@code data:} is joined; an event named {@code error}, or any chunk with an
 * {@code error} object, fails the stream as a {@code stream_error} (or the class its message
 * implies). The stream completes at {@code data: [DONE]}, not at the first {@code finish_reason},
 * because the usage chunk may follow it. If the body ends without {@code [DONE]} but a finish
 * reason was seen, the response is complete (some servers omit the marker); if neither, the
 * exchange reports {@code truncated_stream}. A {@code data:} payload that is not JSON is a
 * {@code malformed_response}. An ordinary chunk is read from its bytes with Jackson's streaming
 * parser ({@link SimpleChunk}); every other chunk as a tree, under the same rules.
 *
 * <p>Not API: shared by the {@code openai} and {@code openrouter} providers.
 *
 * @since 0.1
 */
public final class ChatCompletionsBodyHandler implements BodyHandler {
    private enum Mode { UNDECIDED, SSE, JSON }

    private final ErrorMapper errors;
    private final ChunkTranslator translator;
    private final Sse sse = new Sse();
    private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();
    private Mode mode = Mode.UNDECIDED;

    /**
     * @param errors maps in-stream error objects to classified errors
     */
    public ChatCompletionsBodyHandler(ErrorMapper errors) {
        this.errors = errors;
        this.translator = new ChunkTranslator(errors);
    }

    @Override
    public void onBytes(ByteBuffer bytes, Emitter out) {
        if (mode == Mode.UNDECIDED) {
            int first = firstNonWhitespace(bytes);
            if (first < 0) {
                copy(bytes, buffered); // only whitespace so far
                return;
            }
            mode = bytes.get(first) == '{' ? Mode.JSON : Mode.SSE;
            if (mode == Mode.SSE && buffered.size() > 0) {
                sse.onBytes(ByteBuffer.wrap(buffered.toByteArray()), out);
                buffered.reset();
            }
        }
        if (mode == Mode.SSE) {
            sse.onBytes(bytes, out);
        } else {
            copy(bytes, buffered);
        }
    }

    @Override
    public void onEnd(Emitter out) {
        if (mode == Mode.SSE) {
            sse.onEnd(out); // dispatches an event left without its blank line
            if (!out.ended()) {
                translator.end(out, false);
            }
        } else if (mode == Mode.JSON) {
            translator.completion(parse(utf8(buffered.toByteArray())), out);
        }
        // UNDECIDED: an empty (or whitespace-only) body; the exchange reports it as truncated
    }

    private static int firstNonWhitespace(ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) {
            byte c = b.get(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return i;
            }
        }
        return -1;
    }

    private static void copy(ByteBuffer from, ByteArrayOutputStream to) {
        byte[] b = new byte[from.remaining()];
        from.get(b);
        to.write(b, 0, b.length);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedResponseException("the response is not valid UTF-8");
        }
    }

    private static SimpleChunk simple(SseDecoder.Event event) {
        try (JsonParser p = event.parser(Json.MAPPER)) {
            return SimpleChunk.read(p);
        } catch (IOException e) {
            return null; // the tree path reports it
        }
    }

    private static JsonNode parse(SseDecoder.Event event) {
        JsonNode n;
        try (JsonParser p = event.parser(Json.MAPPER)) {
            n = Json.MAPPER.readTree(p);
        } catch (IOException e) {
            return parse(event.data()); // reports the error with an excerpt of the text
        }
        if (n == null) {
            throw new MalformedResponseException("the response is empty");
        }
        return n;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = Json.MAPPER.readTree(text);
            if (n == null) {
                throw new MalformedResponseException("the response is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("the response is not valid JSON (" + e.getOriginalMessage() + "): "
                    + excerpt(text));
        }
    }

    private static String excerpt(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= 120 ? one : one.substring(0, 120) + "…";
    }

    /** The server-sent-events form. */
    private final class Sse extends SseBodyHandler {
        @Override
        protected void onEvent(SseDecoder.Event event, Emitter out) {
            if (event.done()) {
                translator.end(out, true);
                return;
            }
            if (event.blank()) {
                return; // an empty keep-alive event
            }
            if (!event.event().equals("error")) {
                SimpleChunk simple = simple(event);
                if (simple != null) {
                    translator.chunk(simple, out); // the usual chunk, read without a tree
                    return;
                }
            }
            JsonNode chunk = parse(event);
            if (event.event().equals("error")) {
                out.emit(new StreamEvent.Failed(errors.inStream(chunk)));
                return;
            }
            translator.chunk(chunk, out);
        }
    }
}
