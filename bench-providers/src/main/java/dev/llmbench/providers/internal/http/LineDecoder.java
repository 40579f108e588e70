package dev.llmbench.providers.internal.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns a byte stream that arrives in arbitrary pieces into lines of text: strict UTF-8 (a
 * multi-byte character split across two network reads is joined; invalid bytes are an error, not
 * silently replaced), lines ended by {@code \n}, {@code \r\n} or a lone {@code \r}.
 *
 * <p>Not thread-safe: one decoder per response, fed by one thread at a time.
 */
public final class LineDecoder {
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(1024);
    private final StringBuilder line = new StringBuilder();
    private final int maxLineChars;
    private ByteBuffer carry = ByteBuffer.allocate(8);
    private boolean lastWasCr;

    /**
     * @param maxLineChars the longest accepted line, in chars; a longer one is an error
     */
    public LineDecoder(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    /**
     * Decodes {@code bytes} (consumed entirely) and hands every completed line, without its end,
     * to {@code sink}.
     *
     * @throws CharacterCodingException on invalid UTF-8
     * @throws LineTooLongException when a line exceeds the limit
     */
    public void feed(ByteBuffer bytes, Consumer<String> sink) throws CharacterCodingException {
        ByteBuffer in = bytes;
        if (carry.position() > 0) {
            // complete a character split across reads: prepend the carried bytes
            ByteBuffer joined = ByteBuffer.allocate(carry.position() + bytes.remaining());
            carry.flip();
            joined.put(carry).put(bytes).flip();
            carry.clear();
            in = joined;
        }
        while (true) {
            CoderResult r = utf8.decode(in, chars, false);
            drain(sink);
            if (r.isOverflow()) {
                continue;
            }
            if (r.isError()) {
                r.throwException();
            }
            break; // underflow: all consumed, or an incomplete character remains
        }
        if (in.hasRemaining()) {
            if (in.remaining() > 3) {
                throw new CharacterCodingException();
            }
            carry.put(in);
        }
    }

    /**
     * Ends the input: a last line without an end is handed to {@code sink}.
     *
     * @throws CharacterCodingException when the input ended inside a character
     */
    public void finish(Consumer<String> sink) throws CharacterCodingException {
        if (carry.position() > 0) {
            throw new CharacterCodingException();
        }
        if (line.length() > 0) {
            String s = line.toString();
            line.setLength(0);
            sink.accept(s);
        }
    }

    private void drain(Consumer<String> sink) {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                if (lastWasCr) {
                    lastWasCr = false; // the \n of a \r\n
                    continue;
                }
                emit(sink);
            } else if (c == '\r') {
                lastWasCr = true;
                emit(sink);
            } else {
                lastWasCr = false;
                if (line.length() >= maxLineChars) {
                    throw new LineTooLongException(maxLineChars);
                }
                line.append(c);
            }
        }
        chars.clear();
    }

    private void emit(Consumer<String> sink) {
        String s = line.toString();
        line.setLength(0);
        sink.accept(s);
    }

    /** A line exceeded the decoder's limit. */
    public static final class LineTooLongException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(int max) {
            super("a response line is longer than " + max + " characters");
        }
    }
}
