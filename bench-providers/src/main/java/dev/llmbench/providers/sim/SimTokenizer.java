package dev.llmbench.providers.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into token-like chunks, roughly the way a BPE tokenizer would.
 *
 * <p>Rules: a run of letters and digits is a word, cut into pieces of at most {@value #MAX_PIECE}
 * code points; any other character (punctuation, a symbol, an emoji) is a chunk of its own.
 * Combining marks, variation selectors, emoji skin-tone modifiers and zero-width-joiner sequences
 * stay with the chunk before them, whitespace after a chunk is appended to it, and whitespace at
 * the very start of the text is a chunk of its own. Surrogate pairs are never split. The chunks
 * concatenate to exactly the input; the empty text gives no chunks.
 *
 * <p>Stateless and thread-safe.
 */
final class SimTokenizer {
    /** The longest word piece, in code points. */
    static final int MAX_PIECE = 5;

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private SimTokenizer() {}

    /** The chunks of {@code text}; never null, empty for the empty text. */
    static List<String> split(String text) {
        List<String> chunks = new ArrayList<>(text.length() / 4 + 1);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int begin = i;
            int cp = text.codePointAt(i);
            if (isSpace(cp)) {
                i = skipSpaces(text, i);
                chunks.add(text.substring(begin, i));
                continue;
            }
            if (isWordChar(cp)) {
                int letters = 0;
                while (i < n && letters < MAX_PIECE) {
                    int c = text.codePointAt(i);
                    if (isContinuation(c)) {
                        i += Character.charCount(c);
                    } else if (isWordChar(c)) {
                        i += Character.charCount(c);
                        letters++;
                    } else {
                        break;
                    }
                }
            } else {
                i += Character.charCount(cp);
            }
            i = skipContinuations(text, i);
            i = skipSpaces(text, i);
            chunks.add(text.substring(begin, i));
        }
        return chunks;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!isSpace(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** Absorbs marks and modifiers, and after a zero-width joiner the character it joins. */
    private static int skipContinuations(String text, int i) {
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!isContinuation(c)) {
                break;
            }
            i += Character.charCount(c);
            if (c == ZERO_WIDTH_JOINER && i < text.length()) {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return i;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isContinuation(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || cp == ZERO_WIDTH_JOINER
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                || (cp >= 0x1F3FB && cp <= 0x1F3FF); // emoji skin-tone modifiers
    }
}
