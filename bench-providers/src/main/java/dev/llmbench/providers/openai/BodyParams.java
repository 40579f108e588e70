package dev.llmbench.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.providers.internal.http.Json;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Request-body fields a chat-completions provider passes through from string settings: the
 * provider's extras (validated when the provider is created) overlaid, per request, by the
 * request's own extras with the same names. Immutable and thread-safe.
 *
 * <p>Each accepted name has a {@link Kind}: a plain string ({@code reasoning_effort}), a JSON
 * object ({@code provider}, {@code reasoning}), or {@link Kind#MERGE} for {@code extra_body}, a JSON
 * object whose fields are all copied into the request body (for server-specific parameters such
 * as {@code top_p} or vLLM's {@code chat_template_kwargs}). {@code model}, {@code messages} and
 * {@code stream} can never be overridden.
 *
 * <p>Request extras with names this provider does not know are ignored, because a test case may
 * carry extras meant for another provider (for example Ollama's {@code num_ctx}).
 *
 * <p>Not API: shared by the {@code openai} and {@code openrouter} providers.
 *
 * @since 0.1
 */
public final class BodyParams {
    /** Body fields no setting may override. */
    public static final Set<String> RESERVED = Set.of("model", "messages", "stream");

    /** How a setting's string value becomes JSON. */
    public enum Kind {
        /** Sent as a JSON string. */
        STRING,
        /** Parsed as a JSON object and sent as one field. */
        OBJECT,
        /** Parsed as a JSON object whose fields are merged into the body. */
        MERGE
    }

    private final String provider;
    private final Map<String, Kind> known;
    private final Map<String, JsonNode> fromConfig;

    private BodyParams(String provider, Map<String, Kind> known, Map<String, JsonNode> fromConfig) {
        this.provider = provider;
        this.known = known;
        this.fromConfig = fromConfig;
    }

    /**
     * Parses the provider's extras.
     *
     * @param provider the provider id, quoted in messages
     * @param extras   the provider's extras; only names in {@code known} are read
     * @param known    the accepted names and their kinds
     * @throws BenchConfigurationException one line naming the setting when a value is not valid
     */
    public static BodyParams of(String provider, Map<String, String> extras, Map<String, Kind> known) {
        Map<String, Kind> k = Collections.unmodifiableMap(new LinkedHashMap<>(known));
        BodyParams empty = new BodyParams(provider, k, Map.of());
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, Kind> e : known.entrySet()) {
            String value = extras.get(e.getKey());
            if (value != null) {
                try {
                    empty.put(parsed, e.getKey(), e.getValue(), value);
                } catch (IllegalArgumentException bad) {
                    throw new BenchConfigurationException("provider '" + provider + "': " + bad.getMessage());
                }
            }
        }
        return new BodyParams(provider, k, Collections.unmodifiableMap(parsed));
    }

    /** The names this provider accepts as body settings. */
    public Set<String> names() {
        return known.keySet();
    }

    /**
     * The body fields for one request: the provider's settings overlaid by the request's extras
     * with known names. The returned map is a new, ordered map.
     *
     * @throws IllegalArgumentException naming the setting when a request extra is not valid
     */
    public Map<String, JsonNode> forRequest(Map<String, String> requestExtras) {
        Map<String, JsonNode> out = new LinkedHashMap<>(fromConfig);
        for (Map.Entry<String, Kind> e : known.entrySet()) {
            String value = requestExtras.get(e.getKey());
            if (value != null) {
                put(out, e.getKey(), e.getValue(), value);
            }
        }
        return out;
    }

    private void put(Map<String, JsonNode> out, String name, Kind kind, String value) {
        switch (kind) {
            case STRING -> out.put(name, TextNode.valueOf(value.strip()));
            case OBJECT -> out.put(name, object(name, value));
            case MERGE -> {
                JsonNode o = object(name, value);
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (RESERVED.contains(f.getKey())) {
                        throw new IllegalArgumentException(name + " must not set \"" + f.getKey()
                                + "\" (llmbench sets model, messages and stream itself)");
                    }
                    out.put(f.getKey(), f.getValue());
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private static JsonNode object(String name, String value) {
        try {
            JsonNode n = Json.MAPPER.readTree(value);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException(name + " must be a JSON object, e.g. {\"key\": \"value\"}; got "
                        + excerpt(value));
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " is not valid JSON (" + e.getOriginalMessage() + "): "
                    + excerpt(value));
        }
    }

    private static String excerpt(String value) {
        String one = value.strip().replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 80) + "…";
    }

    @Override
    public String toString() {
        return "BodyParams[" + provider + ", " + fromConfig.keySet() + "]";
    }
}
