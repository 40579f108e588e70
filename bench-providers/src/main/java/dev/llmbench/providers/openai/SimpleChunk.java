package dev.llmbench.providers.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The hot fields of an ordinary streamed {@code chat.completion.chunk}, read with Jackson's
 * streaming parser instead of a {@link JsonNode} tree: the text pieces and finish reason of
 * choice 0, and the {@code usage} and {@code timings} objects (as small trees).
 *
 * <p>{@link #read} accepts only chunks whose meaning is plain, and returns {@code null} for any
 * other (the caller then reads the chunk as a tree through {@link ChunkTranslator}'s full rules,
 * which give the same result for the chunks accepted here): a root that is not an object,
 * invalid JSON, a non-null non-false {@code error} (top level or choice 0), {@code tool_calls} or
 * {@code reasoning_details} that are not null, a choice without {@code delta} but with
 * {@code message}, more than one choice 0, a text field that is neither a string nor null, an
 * {@code index} that is not an int, or a repeated key the rules read (the tree would keep the
 * last one). Other fields are skipped without being decoded.
 *
 * @param reasoning    {@code reasoning}, else {@code reasoning_content}, of choice 0; empty when none
 * @param content      {@code content} of choice 0; empty when none
 * @param refusal      {@code refusal} of choice 0; empty when none
 * @param finishReason {@code finish_reason} of choice 0 when it is a string, else null
 * @param usage        the {@code usage} object, or null when absent or not an object
 * @param timings      the {@code timings} object, or null when absent or not an object
 */
record SimpleChunk(String reasoning, String content, String refusal, String finishReason,
                   JsonNode usage, JsonNode timings) {

    /** The fields of one choice while it is read. */
    private static final class Choice {
        int index;
        boolean complex;
        boolean delta;
        boolean message;
        int seen;
        String reasoning = "";
        String reasoningContent = "";
        String content = "";
        String refusal = "";
        String finishReason;
    }

    /**
     * Reads one chunk from {@code p} (positioned before its first token).
     *
     * @return the chunk, or {@code null} when it needs the full rules (see the class docs)
     * @throws IOException when the input cannot be read (not on invalid JSON: that is null)
     */
    static SimpleChunk read(JsonParser p) throws IOException {
        try {
            return root(p);
        } catch (StreamReadException e) {
            return null; // invalid JSON: the tree path reports it with its own message
        }
    }

    private static SimpleChunk root(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Choice zero = null;
        JsonNode usage = null;
        JsonNode timings = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit = switch (name) {
                case "choices" -> 1;
                case "usage" -> 2;
                case "timings" -> 4;
                case "error" -> 8;
                default -> 0;
            };
            if ((seen & bit) != 0) {
                return null; // a repeated key: the tree keeps the last one
            }
            seen |= bit;
            switch (bit) {
                case 1 -> {
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t != JsonToken.START_OBJECT) {
                                p.skipChildren(); // not an object: the rules ignore it
                                continue;
                            }
                            Choice c = choice(p);
                            if (c.index != 0) {
                                continue;
                            }
                            if (c.complex || zero != null) {
                                return null;
                            }
                            zero = c;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case 2 -> usage = t == JsonToken.START_OBJECT ? p.readValueAsTree() : skip(p);
                case 4 -> timings = t == JsonToken.START_OBJECT ? p.readValueAsTree() : skip(p);
                case 8 -> {
                    if (t != JsonToken.VALUE_NULL && t != JsonToken.VALUE_FALSE) {
                        return null;
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (zero == null) {
            return new SimpleChunk("", "", "", null, usage, timings);
        }
        String reasoning = zero.reasoning.isEmpty() ? zero.reasoningContent : zero.reasoning;
        return new SimpleChunk(reasoning, zero.content, zero.refusal, zero.finishReason, usage, timings);
    }

    /** Reads one choice object (positioned at its start) to its end. */
    private static Choice choice(JsonParser p) throws IOException {
        Choice c = new Choice();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "index" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        c.index = p.getIntValue();
                    } else {
                        c.complex = true;
                        c.index = 0; // decided by the full rules
                        p.skipChildren();
                    }
                }
                case "delta" -> {
                    if (c.delta) {
                        c.complex = true;
                    }
                    c.delta = true;
                    if (t == JsonToken.START_OBJECT) {
                        delta(p, c);
                    } else if (t != JsonToken.VALUE_NULL) {
                        c.complex = true;
                        p.skipChildren();
                    }
                }
                case "message" -> {
                    c.message = true;
                    p.skipChildren();
                }
                case "error" -> {
                    if (t != JsonToken.VALUE_NULL && t != JsonToken.VALUE_FALSE) {
                        c.complex = true;
                    }
                    p.skipChildren();
                }
                case "finish_reason" -> {
                    c.complex |= (c.seen & 1) != 0;
                    c.seen |= 1;
                    c.finishReason = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        if (c.message) {
            c.complex = true; // delta or message: the full rules choose
        }
        return c;
    }

    /** Reads a delta object (positioned at its start) to its end. */
    private static void delta(JsonParser p, Choice c) throws IOException {
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit = switch (name) {
                case "reasoning" -> 1;
                case "reasoning_content" -> 2;
                case "content" -> 4;
                case "refusal" -> 8;
                case "tool_calls" -> 16;
                case "reasoning_details" -> 32;
                default -> 0;
            };
            if (bit == 0) {
                p.skipChildren();
                continue;
            }
            if ((seen & bit) != 0) {
                c.complex = true; // a repeated key
            }
            seen |= bit;
            if (bit >= 16) {
                c.complex |= t != JsonToken.VALUE_NULL;
                p.skipChildren();
                continue;
            }
            String text;
            if (t == JsonToken.VALUE_STRING) {
                text = p.getText();
            } else {
                text = "";
                c.complex |= t != JsonToken.VALUE_NULL;
                p.skipChildren();
            }
            switch (bit) {
                case 1 -> c.reasoning = text;
                case 2 -> c.reasoningContent = text;
                case 4 -> c.content = text;
                default -> c.refusal = text;
            }
        }
    }

    private static JsonNode skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
