package dev.llmbench.providers.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;

/**
 * The hot fields of an ordinary streamed {@code /api/chat} line ({@code "done": false}), read
 * with Jackson's streaming parser instead of a tree: {@code message.thinking} and
 * {@code message.content}.
 *
 * <p>{@link #read} accepts only lines whose meaning is plain and returns {@code null} for any other
 * (the handler then reads the line as a tree with its full rules, which give the same events for
 * the lines accepted here): a root that is not an object, invalid JSON or anything after the
 * object, {@code done} other than {@code false} (the final line), an {@code error} other than
 * {@code null}, {@code tool_calls} other than {@code null}, a text field that is neither a string
 * nor null, or a repeated key the rules read (the tree would keep the last one). Other fields
 * are skipped without being decoded.
 *
 * @param thinking {@code message.thinking}, or empty
 * @param content  {@code message.content}, or empty
 */
record SimpleLine(String thinking, String content) {
    private static final SimpleLine NOTHING = new SimpleLine("", "");

    /**
     * Reads one line from {@code p} (positioned before its first token) to its end.
     *
     * @return the line, or {@code null} when it needs the full rules (see the class docs)
     * @throws IOException when the input cannot be read (not on invalid JSON: that is null)
     */
    static SimpleLine read(JsonParser p) throws IOException {
        try {
            SimpleLine line = root(p);
            return line != null && p.nextToken() == null ? line : null;
        } catch (StreamReadException e) {
            return null; // the tree path reports it with its own message
        }
    }

    private static SimpleLine root(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        SimpleLine line = NOTHING;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit = switch (name) {
                case "message" -> 1;
                case "done" -> 2;
                case "error" -> 4;
                default -> 0;
            };
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
            switch (bit) {
                case 1 -> {
                    if (t == JsonToken.START_OBJECT) {
                        line = message(p);
                        if (line == null) {
                            return null;
                        }
                    } else {
                        p.skipChildren(); // not an object: the rules ignore it
                    }
                }
                case 2 -> {
                    if (t != JsonToken.VALUE_FALSE) {
                        return null;
                    }
                }
                case 4 -> {
                    if (t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return line;
    }

    private static SimpleLine message(JsonParser p) throws IOException {
        String thinking = "";
        String content = "";
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit = switch (name) {
                case "thinking" -> 1;
                case "content" -> 2;
                case "tool_calls" -> 4;
                default -> 0;
            };
            if (bit == 0) {
                p.skipChildren();
                continue;
            }
            if ((seen & bit) != 0 || (t != JsonToken.VALUE_NULL && (bit == 4 || t != JsonToken.VALUE_STRING))) {
                return null;
            }
            seen |= bit;
            if (t == JsonToken.VALUE_STRING) {
                if (bit == 1) {
                    thinking = p.getText();
                } else {
                    content = p.getText();
                }
            }
        }
        return thinking.isEmpty() && content.isEmpty() ? NOTHING : new SimpleLine(thinking, content);
    }
}
