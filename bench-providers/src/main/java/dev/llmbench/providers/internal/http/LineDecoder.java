package dev.llmbench.providers.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns a byte stream that arrives in arbitrary pieces into lines: strict UTF-8 (a multi-byte
 * character split across two network reads is joined; invalid bytes, overlong forms, encoded
 * surrogates and code points above U+10FFFF are an error, not silently replaced, exactly as the
 * JDK's reporting UTF-8 decoder rejects them), lines ended by {@code \n}, {@code \r\n} or a lone
 * {@code \r}.
 *
 * <p>Lines are handed out as UTF-8 byte slices ({@link LineSink}), validated but not decoded:
 * a line that lies wholly inside one read is a slice of that read's own array (no copy); only a
 * line that spans reads is gathered in a buffer of this decoder. Splitting on the bytes is safe
 * because {@code \n} and {@code \r} never occur inside a multi-byte UTF-8 sequence. The line
 * limit counts UTF-16 chars, as {@link String#length()} would.
 *
 * <p>Retained memory: the bytes of an unfinished line (the buffer grows to the longest line that
 * spanned reads; one over {@value #KEEP_BYTES} bytes is released after use) and a few fields.
 *
 * <p>Not thread-safe: one decoder per response, fed by one thread at a time.
 */
public final class LineDecoder {
    /** Line buffers up to this size (bytes) are kept for the next line; larger ones are dropped. */
    static final int KEEP_BYTES = 8 * 1024;
    private static final byte[] NONE = new byte[0];

    /**
     * Receives one line without its end: {@code length} bytes of valid UTF-8 starting at
     * {@code offset}. The slice is only valid during the call (the array is the caller's read
     * buffer or the decoder's own, both reused); copy what must outlive it.
     */
    @FunctionalInterface
    public interface LineSink {
        /** One line; see the interface docs for the lifetime of {@code bytes}. */
        void line(byte[] bytes, int offset, int length);
    }

    private final int maxLineChars;
    private byte[] pending = NONE;
    private int pendingLength;
    private int lineChars;
    private int need;
    private int lower = 0x80;
    private int upper = 0xBF;
    private boolean lastWasCr;

    /**
     * @param maxLineChars the longest accepted line, in UTF-16 chars; a longer one is an error
     */
    public LineDecoder(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    /**
     * Decodes {@code bytes} (consumed entirely) and hands every completed line, without its end,
     * to {@code sink}; lines completed before an error in the same read are delivered first.
     *
     * @throws CharacterCodingException on invalid UTF-8
     * @throws LineTooLongException when a line exceeds the limit
     */
    public void feed(ByteBuffer bytes, LineSink sink) throws CharacterCodingException {
        byte[] a;
        int from;
        int to;
        if (bytes.hasArray()) {
            a = bytes.array();
            from = bytes.arrayOffset() + bytes.position();
            to = from + bytes.remaining();
            bytes.position(bytes.limit());
        } else { // direct or read-only buffer: one transient copy
            a = new byte[bytes.remaining()];
            bytes.get(a);
            from = 0;
            to = a.length;
        }
        int start = from;
        int i = from;
        while (i < to) {
            if (need > 0) {
                continuation(a[i++] & 0xFF);
                lastWasCr = false;
                continue;
            }
            int run = i;
            while (i < to && a[i] > '\r') {
                i++; // the common case: printable ASCII, no line end
            }
            if (i > run) {
                lastWasCr = false;
                count(i - run);
                if (i == to) {
                    break;
                }
            }
            int b = a[i++];
            if (b == '\n' || b == '\r') {
                boolean crLf = b == '\n' && lastWasCr;
                lastWasCr = b == '\r';
                if (!crLf) {
                    emit(a, start, i - 1, sink);
                }
                start = i;
                continue;
            }
            if (b >= 0) {
                count(1); // a control character
            } else {
                lead(b & 0xFF);
            }
            lastWasCr = false;
        }
        if (start < to) {
            append(a, start, to);
        }
    }

    /** {@link #feed(ByteBuffer, LineSink)} with every line decoded to a string (tests, slow paths). */
    public void feed(ByteBuffer bytes, Consumer<String> sink) throws CharacterCodingException {
        feed(bytes, (b, off, len) -> sink.accept(new String(b, off, len, StandardCharsets.UTF_8)));
    }

    /**
     * Ends the input: a last line without an end is handed to {@code sink}.
     *
     * @throws CharacterCodingException when the input ended inside a character
     */
    public void finish(LineSink sink) throws CharacterCodingException {
        if (need > 0) {
            throw new MalformedInputException(1);
        }
        if (pendingLength > 0) {
            emit(NONE, 0, 0, sink);
        }
    }

    /** {@link #finish(LineSink)} with the line decoded to a string. */
    public void finish(Consumer<String> sink) throws CharacterCodingException {
        finish((b, off, len) -> sink.accept(new String(b, off, len, StandardCharsets.UTF_8)));
    }

    private void lead(int b) throws MalformedInputException {
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            if (b == 0xE0) {
                lower = 0xA0; // no overlong 3-byte forms
            } else if (b == 0xED) {
                upper = 0x9F; // no UTF-16 surrogates
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            if (b == 0xF0) {
                lower = 0x90; // no overlong 4-byte forms
            } else if (b == 0xF4) {
                upper = 0x8F; // nothing above U+10FFFF
            }
            count(1); // a supplementary character is two chars; the second is counted below
        } else {
            throw new MalformedInputException(1); // a stray continuation byte, C0, C1 or F5..FF
        }
        count(1);
    }

    private void continuation(int b) throws MalformedInputException {
        if (b < lower || b > upper) {
            throw new MalformedInputException(1);
        }
        lower = 0x80;
        upper = 0xBF;
        need--;
    }

    private void count(int chars) {
        lineChars += chars;
        if (lineChars > maxLineChars) {
            throw new LineTooLongException(maxLineChars);
        }
    }

    private void emit(byte[] a, int start, int end, LineSink sink) {
        lineChars = 0;
        if (pendingLength == 0) {
            sink.line(a, start, end - start);
            return;
        }
        append(a, start, end);
        byte[] line = pending;
        int n = pendingLength;
        pendingLength = 0;
        if (pending.length > KEEP_BYTES) {
            pending = NONE;
        }
        sink.line(line, 0, n);
    }

    private void append(byte[] a, int start, int end) {
        int n = end - start;
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + n, Math.max(64, pending.length * 2)));
        }
        System.arraycopy(a, start, pending, pendingLength, n);
        pendingLength += n;
    }

    /** A line exceeded the decoder's limit. */
    public static final class LineTooLongException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(int max) {
            super("a response line is longer than " + max + " characters");
        }
    }
}
