package dev.llmbench.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmbench.providers.internal.http.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Ollama request parameters given as strings (provider extras and request extras), parsed into
 * the JSON types the server insists on (it rejects {@code "42"} where it wants 42 with
 * {@code option "x" must be of type integer}). Stateless and thread-safe.
 *
 * <p>Parameters:
 * <ul>
 *   <li>model options, sent in {@code options}: integers {@code num_keep seed num_predict top_k
 *       repeat_last_n num_ctx num_batch num_gpu main_gpu num_thread draft_num_predict}, numbers
 *       {@code temperature top_p min_p typical_p repeat_penalty presence_penalty frequency_penalty},
 *       boolean {@code use_mmap}, and {@code stop}: a JSON array of strings or one stop string;</li>
 *   <li>{@code options}: a JSON object merged into {@code options} as is (for options this list
 *       does not know);</li>
 *   <li>{@code keep_alive}: a Go duration ({@code 5m}, {@code 1h30m}, {@code -1m}) or whole
 *       seconds; {@code 0} unloads the model after the request, a negative value keeps it loaded;</li>
 *   <li>{@code think}: {@code true}, {@code false}, {@code low}, {@code medium}, {@code high} or
 *       {@code max}.</li>
 * </ul>
 */
final class OllamaParams {
    /** The {@code options} keys and their JSON types. */
    static final Map<String, Kind> OPTIONS = Map.ofEntries(
            Map.entry("num_keep", Kind.INT), Map.entry("seed", Kind.INT), Map.entry("num_predict", Kind.INT),
            Map.entry("top_k", Kind.INT), Map.entry("repeat_last_n", Kind.INT), Map.entry("num_ctx", Kind.INT),
            Map.entry("num_batch", Kind.INT), Map.entry("num_gpu", Kind.INT), Map.entry("main_gpu", Kind.INT),
            Map.entry("num_thread", Kind.INT), Map.entry("draft_num_predict", Kind.INT),
            Map.entry("temperature", Kind.NUMBER), Map.entry("top_p", Kind.NUMBER), Map.entry("min_p", Kind.NUMBER),
            Map.entry("typical_p", Kind.NUMBER), Map.entry("repeat_penalty", Kind.NUMBER),
            Map.entry("presence_penalty", Kind.NUMBER), Map.entry("frequency_penalty", Kind.NUMBER),
            Map.entry("use_mmap", Kind.BOOL), Map.entry("stop", Kind.STRINGS));
    /** Top-level request fields settable by a parameter. */
    static final Set<String> TOP_LEVEL = Set.of("keep_alive", "think");
    /** The parameter holding a raw {@code options} object. */
    static final String RAW_OPTIONS = "options";

    private static final Pattern GO_DURATION = Pattern.compile("-?(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");
    private static final Set<String> THINK_LEVELS = Set.of("low", "medium", "high", "max");

    /** The JSON type of an option. */
    enum Kind { INT, NUMBER, BOOL, STRINGS }

    /** Parsed parameters: {@code options} entries and top-level fields, both in insertion order. */
    record Parsed(Map<String, JsonNode> options, Map<String, JsonNode> topLevel) {
        Parsed {
            options = Map.copyOf(options);
            topLevel = Map.copyOf(topLevel);
        }

        static final Parsed EMPTY = new Parsed(Map.of(), Map.of());
    }

    private OllamaParams() {}

    /** Every parameter name this class parses. */
    static Set<String> names() {
        Set<String> all = new TreeSet<>(OPTIONS.keySet());
        all.addAll(TOP_LEVEL);
        all.add(RAW_OPTIONS);
        return all;
    }

    /**
     * Parses the known parameters among {@code raw}; other keys are left out.
     *
     * @throws IllegalArgumentException naming the parameter and the value when a value does not parse
     */
    static Parsed parse(Map<String, String> raw) {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        Map<String, JsonNode> top = new LinkedHashMap<>();
        String rawOptions = raw.get(RAW_OPTIONS);
        if (rawOptions != null) {
            JsonNode n = json(RAW_OPTIONS, rawOptions);
            if (!n.isObject()) {
                throw new IllegalArgumentException("options must be a JSON object, got " + quote(rawOptions));
            }
            n.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(raw).entrySet()) {
            Kind kind = OPTIONS.get(e.getKey());
            if (kind != null) {
                options.put(e.getKey(), option(e.getKey(), kind, e.getValue()));
            } else if (e.getKey().equals("think")) {
                top.put("think", think(e.getValue()));
            } else if (e.getKey().equals("keep_alive")) {
                top.put("keep_alive", keepAlive(e.getValue()));
            }
        }
        return new Parsed(options, top);
    }

    static JsonNode option(String key, Kind kind, String raw) {
        String v = raw.strip();
        try {
            return switch (kind) {
                case INT -> LongNode.valueOf(Long.parseLong(v));
                case NUMBER -> {
                    double d = Double.parseDouble(v);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    yield DoubleNode.valueOf(d);
                }
                case BOOL -> {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw new NumberFormatException();
                    }
                    yield BooleanNode.valueOf(Boolean.parseBoolean(v));
                }
                case STRINGS -> stop(key, raw);
            };
        } catch (NumberFormatException e) {
            String what = switch (kind) {
                case INT -> "a whole number";
                case NUMBER -> "a number";
                case BOOL -> "true or false";
                case STRINGS -> "a JSON array of strings";
            };
            throw new IllegalArgumentException(key + " must be " + what + ", got " + quote(raw));
        }
    }

    private static JsonNode stop(String key, String raw) {
        if (!raw.strip().startsWith("[")) {
            return Json.MAPPER.createArrayNode().add(raw);
        }
        JsonNode n = json(key, raw);
        if (!(n instanceof ArrayNode a) || a.isEmpty()) {
            throw new IllegalArgumentException(key + " must be a non-empty JSON array of strings, got " + quote(raw));
        }
        for (JsonNode item : a) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(key + " must hold only strings, got " + quote(raw));
            }
        }
        return a;
    }

    /** {@code think}: a boolean, or a level as a string. */
    static JsonNode think(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return BooleanNode.valueOf(v.equals("true"));
        }
        if (THINK_LEVELS.contains(v)) {
            return TextNode.valueOf(v);
        }
        throw new IllegalArgumentException("think must be true, false, low, medium, high or max, got " + quote(raw));
    }

    /** Whether a {@code think} value asks for thinking. */
    static boolean thinkingRequested(JsonNode think) {
        return think != null && !(think.isBoolean() && !think.booleanValue());
    }

    /** {@code keep_alive}: whole seconds as a number, else a Go duration string. */
    static JsonNode keepAlive(String raw) {
        String v = raw.strip();
        if (v.matches("-?\\d+")) {
            return LongNode.valueOf(Long.parseLong(v));
        }
        if (GO_DURATION.matcher(v).matches()) {
            return TextNode.valueOf(v);
        }
        throw new IllegalArgumentException("keep_alive must be a duration such as 5m, 1h or -1, or whole seconds, got "
                + quote(raw));
    }

    private static JsonNode json(String key, String raw) {
        try {
            return Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + " is not valid JSON: " + quote(raw));
        }
    }

    private static String quote(String raw) {
        String one = raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
        return "\"" + one + "\"";
    }
}
