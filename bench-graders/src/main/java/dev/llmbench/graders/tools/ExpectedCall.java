package dev.llmbench.graders.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.core.model.ToolCall;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One call a tool-use case expects: a tool name and, per argument, the accepted values. Written
 * as JSON, e.g. {@code {"name":"get_weather","arguments":{"city":["London","London, UK"]}}}: an
 * array lists alternatives. Arguments not listed are not checked. Values are compared after
 * normalisation: strings case-, accent- and whitespace-insensitively, numbers numerically (within
 * 1e-6 relative), booleans exactly. Immutable and thread-safe.
 *
 * @param name      the tool name
 * @param arguments the accepted values per argument
 */
record ExpectedCall(String name, Map<String, List<JsonNode>> arguments) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    ExpectedCall {
        arguments = Map.copyOf(arguments);
    }

    /** Parses the JSON form; throws {@link IllegalArgumentException} naming the problem. */
    static ExpectedCall parse(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("expected call is not JSON: " + json);
        }
        if (n == null || !n.isObject() || !n.path("name").isTextual()) {
            throw new IllegalArgumentException("expected call needs {\"name\": ..., \"arguments\": {...}}: " + json);
        }
        Map<String, List<JsonNode>> args = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.path("arguments").properties()) {
            List<JsonNode> alternatives = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(alternatives::add);
            } else {
                alternatives.add(e.getValue());
            }
            args.put(e.getKey(), alternatives);
        }
        return new ExpectedCall(n.get("name").asText(), args);
    }

    /** Parses a call's arguments as a JSON object, or empty when they are not one. */
    static Optional<JsonNode> arguments(ToolCall call) {
        try {
            JsonNode n = MAPPER.readTree(call.argumentsJson().isBlank() ? "{}" : call.argumentsJson());
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code call} is this call: same tool, every listed argument accepted. */
    boolean matches(ToolCall call) {
        if (!call.name().equals(name)) {
            return false;
        }
        Optional<JsonNode> args = arguments(call);
        if (args.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, List<JsonNode>> e : arguments.entrySet()) {
            JsonNode actual = args.get().get(e.getKey());
            if (actual == null || e.getValue().stream().noneMatch(v -> same(v, actual))) {
                return false;
            }
        }
        return true;
    }

    /** A short description for a check's expected text. */
    String describe() {
        StringBuilder s = new StringBuilder(name).append('(');
        int i = 0;
        for (Map.Entry<String, List<JsonNode>> e : arguments.entrySet()) {
            if (i++ > 0) {
                s.append(", ");
            }
            s.append(e.getKey()).append('=').append(e.getValue().size() == 1 ? e.getValue().get(0).toString()
                    : "one of " + e.getValue());
        }
        return s.append(')').toString();
    }

    static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber()) {
            double want = expected.asDouble();
            Double got = actual.isNumber() ? Double.valueOf(actual.asDouble()) : parseNumber(actual.asText());
            return got != null && Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want));
        }
        if (expected.isBoolean()) {
            return actual.isBoolean() ? actual.asBoolean() == expected.asBoolean()
                    : actual.asText().equalsIgnoreCase(expected.asText());
        }
        return normalise(expected.asText()).equals(normalise(actual.isTextual() ? actual.asText() : actual.toString()));
    }

    private static Double parseNumber(String s) {
        try {
            return Double.parseDouble(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String normalise(String s) {
        String noAccents = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
