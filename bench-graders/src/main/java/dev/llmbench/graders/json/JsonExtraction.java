package dev.llmbench.graders.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.llmbench.graders.internal.Params;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and strictly parses the JSON in a response, and says how it was wrapped.
 *
 * <p>Strict means RFC 8259 as Jackson reads it by default plus: duplicate keys rejected, trailing
 * tokens rejected, floating-point numbers kept exact ({@link java.math.BigDecimal}). No comments,
 * single quotes, trailing commas or {@code NaN}.
 *
 * <p>Order: the whole stripped response; else the first fenced block ({@code ```json}, {@code ```}
 * or {@code ~~~}) whose content parses; else the first balanced {@code {…}} or {@code […]} span that
 * parses. Stateless and thread-safe.
 */
final class JsonExtraction {
    /** The strict reader, shared (Jackson mappers are thread-safe once configured). */
    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Pattern FENCED = Pattern.compile(
            "(?m)^[ \\t]{0,3}(```|~~~)[ \\t]*([\\w-]*)[ \\t]*\\n(.*?)^[ \\t]{0,3}\\1[ \\t]*$", Pattern.DOTALL);
    private static final int MAX_CANDIDATES = 20;
    private static final int CLIP = 60;

    /** How the JSON was wrapped in the response. */
    enum Wrapping {
        /** The response is the JSON and nothing else (surrounding whitespace aside). */
        BARE,
        /** The JSON was inside a fenced code block. */
        FENCED,
        /** The JSON was embedded in prose. */
        EMBEDDED,
        /** No JSON was found. */
        NONE
    }

    /**
     * The outcome.
     *
     * @param json     the parsed value, when one was found
     * @param wrapping how it was wrapped
     * @param detail   what surrounded it, or why parsing failed; never null
     */
    record Result(Optional<JsonNode> json, Wrapping wrapping, String detail) {}

    private JsonExtraction() {}

    static Result extract(String response) {
        String text = response.strip();
        if (text.isEmpty()) {
            return new Result(Optional.empty(), Wrapping.NONE, "empty response");
        }
        String bareError;
        try {
            return new Result(Optional.of(STRICT.readTree(text)), Wrapping.BARE, "bare JSON");
        } catch (JsonProcessingException e) {
            bareError = firstLine(e.getOriginalMessage()) + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        Matcher f = FENCED.matcher(text);
        while (f.find()) {
            Optional<JsonNode> node = parse(f.group(3));
            if (node.isPresent()) {
                String lang = f.group(2).isEmpty() ? "" : f.group(2);
                String around = surroundings(text, f.start(), f.end());
                return new Result(node, Wrapping.FENCED,
                        "wrapped in a " + f.group(1) + lang + " code fence" + (around.isEmpty() ? "" : "; " + around));
            }
        }
        int tried = 0;
        for (int i = 0; i < text.length() && tried < MAX_CANDIDATES; i++) {
            char c = text.charAt(i);
            if (c != '{' && c != '[') {
                continue;
            }
            tried++;
            int end = balancedEnd(text, i);
            if (end < 0) {
                continue;
            }
            Optional<JsonNode> node = parse(text.substring(i, end));
            if (node.isPresent()) {
                return new Result(node, Wrapping.EMBEDDED, surroundings(text, i, end));
            }
        }
        return new Result(Optional.empty(), Wrapping.NONE, "not JSON: " + Params.clip(bareError, 160));
    }

    private static Optional<JsonNode> parse(String s) {
        try {
            return Optional.of(STRICT.readTree(s));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String surroundings(String text, int start, int end) {
        String before = text.substring(0, start).strip();
        String after = text.substring(end).strip();
        StringBuilder b = new StringBuilder();
        if (!before.isEmpty()) {
            b.append("prose before the JSON: \"").append(Params.clip(before, CLIP)).append('"');
        }
        if (!after.isEmpty()) {
            b.append(b.length() == 0 ? "" : "; ").append("prose after the JSON: \"").append(Params.clip(after, CLIP))
                    .append('"');
        }
        return b.toString();
    }

    /** The index after the bracket that closes the one at {@code start}, or -1; strings are skipped. */
    private static int balancedEnd(String s, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static String firstLine(String s) {
        String t = s == null ? "unparseable" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
