package dev.llmbench.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code POST /api/show} says about a model that matters for sending requests. Immutable
 * and thread-safe.
 *
 * @param known          whether {@code /api/show} answered; when false the other fields say nothing
 * @param capabilities   the model's capabilities ({@code completion}, {@code tools}, {@code thinking},
 *                       {@code vision}, ...); empty when the server does not report them
 * @param contextLength  the longest context the model was trained for, in tokens
 *                       ({@code model_info."<arch>.context_length"}), or -1
 * @param modelfileNumCtx the {@code num_ctx} its Modelfile sets (the model's default context), or -1
 */
record ModelShow(boolean known, Set<String> capabilities, long contextLength, long modelfileNumCtx) {
    /** Nothing known. */
    static final ModelShow UNKNOWN = new ModelShow(false, Set.of(), -1, -1);

    private static final Pattern NUM_CTX = Pattern.compile("(?m)^\\s*num_ctx\\s+(\\d+)\\s*$");

    ModelShow {
        capabilities = Set.copyOf(capabilities);
    }

    /** Parses an {@code /api/show} response body. */
    static ModelShow parse(JsonNode body) {
        Set<String> caps = new LinkedHashSet<>();
        for (JsonNode c : body.path("capabilities")) {
            if (c.isTextual()) {
                caps.add(c.asText());
            }
        }
        JsonNode info = body.path("model_info");
        long ctx = -1;
        String arch = info.path("general.architecture").asText("");
        JsonNode archCtx = info.path(arch + ".context_length");
        if (!arch.isEmpty() && archCtx.isNumber()) {
            ctx = archCtx.asLong();
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().endsWith(".context_length") && e.getValue().isNumber()) {
                    ctx = e.getValue().asLong();
                    break;
                }
            }
        }
        long modelfile = -1;
        Matcher m = NUM_CTX.matcher(body.path("parameters").asText(""));
        if (m.find()) {
            try {
                modelfile = Long.parseLong(m.group(1));
            } catch (NumberFormatException ignored) {
                // absurdly long digits: treat as not set
            }
        }
        return new ModelShow(true, caps, ctx, modelfile);
    }

    /**
     * Whether the model is known to lack {@code capability}: false when the server did not answer
     * or did not list capabilities (older servers), so an unknown never blocks a request.
     */
    boolean lacks(String capability) {
        return known && !capabilities.isEmpty() && !capabilities.contains(capability);
    }
}
