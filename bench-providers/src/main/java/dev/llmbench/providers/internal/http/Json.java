package dev.llmbench.providers.internal.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The providers' shared Jackson mapper and small tree helpers. Thread-safe.
 */
public final class Json {
    /** Configured once; unknown fields are ignored everywhere (servers add fields freely). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {}

    /** The text at {@code field}, or empty when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** The long at {@code field}, or {@code fallback} when absent, null or not a number. */
    public static long number(JsonNode node, String field, long fallback) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asLong() : fallback;
    }
}
