package dev.llmbench.providers.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;

/**
 * Base for line-oriented wire formats (NDJSON, SSE): checks UTF-8 strictly, splits lines, and
 * hands each line to {@link #onLine} as a slice of UTF-8 bytes (see {@link LineDecoder}), so that
 * a subclass can give the bytes to Jackson without building a string. Invalid UTF-8 and over-long
 * lines become {@link BodyHandler.MalformedResponseException}s.
 */
public abstract class LineBodyHandler implements BodyHandler {
    /** The longest line accepted, in characters (1 MiB). */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private final LineDecoder lines = new LineDecoder(MAX_LINE_CHARS);

    /**
     * Handles one line (without its end): {@code length} bytes of valid UTF-8 from
     * {@code offset}, valid only during the call.
     */
    protected abstract void onLine(byte[] line, int offset, int length, Emitter out);

    /** Called after the last line when the body ends; the default does nothing. */
    protected void onLinesEnd(Emitter out) {}

    @Override
    public final void onBytes(ByteBuffer bytes, Emitter out) {
        try {
            lines.feed(bytes, (line, offset, length) -> {
                if (!out.ended()) {
                    onLine(line, offset, length, out);
                }
            });
        } catch (CharacterCodingException e) {
            throw new MalformedResponseException("the response is not valid UTF-8");
        }
    }

    @Override
    public final void onEnd(Emitter out) {
        try {
            lines.finish((line, offset, length) -> {
                if (!out.ended()) {
                    onLine(line, offset, length, out);
                }
            });
        } catch (CharacterCodingException e) {
            throw new MalformedResponseException("the response ended inside a UTF-8 character");
        }
        if (!out.ended()) {
            onLinesEnd(out);
        }
    }
}
