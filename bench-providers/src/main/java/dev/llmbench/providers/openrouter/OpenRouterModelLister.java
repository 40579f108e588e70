package dev.llmbench.providers.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.providers.internal.HttpSettings;
import dev.llmbench.providers.internal.http.Json;
import dev.llmbench.providers.openai.ChatCompletionsClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists OpenRouter's models from {@code GET {base}/models}: id, {@code context_length}, and the
 * {@code pricing.prompt} / {@code pricing.completion} decimal strings (US dollars per token; a
 * negative or unparseable price, as router pseudo-models have, means unknown). Details: the
 * display name, modality, the top provider's output limit and the supported parameters.
 * Stateless and thread-safe.
 */
final class OpenRouterModelLister {
    private OpenRouterModelLister() {}

    /** Asks the server. */
    static List<ModelInfo> list(HttpSettings settings) {
        return parse(ChatCompletionsClient.getJson(OpenRouterProviderFactory.ID, settings,
                OpenRouterProviderFactory.AUTH_HINT, settings.resolve("/models")));
    }

    /** Parses a model list, sorted by id; entries without an id are skipped. */
    static List<ModelInfo> parse(JsonNode root) {
        List<ModelInfo> out = new ArrayList<>();
        for (JsonNode m : root.path("data")) {
            String id = Json.text(m, "id");
            if (id.isBlank()) {
                continue;
            }
            long context = Json.number(m, "context_length", Json.number(m.path("top_provider"), "context_length", -1));
            JsonNode pricing = m.path("pricing");
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "name", Json.text(m, "name"));
            put(details, "modality", Json.text(m.path("architecture"), "modality"));
            long maxOut = Json.number(m.path("top_provider"), "max_completion_tokens", -1);
            if (maxOut > 0) {
                details.put("max_completion_tokens", Long.toString(maxOut));
            }
            List<String> supported = new ArrayList<>();
            m.path("supported_parameters").forEach(p -> supported.add(p.asText()));
            if (!supported.isEmpty()) {
                details.put("supported_parameters", String.join(",", supported));
            }
            out.add(new ModelInfo(id, context, price(pricing.get("prompt")), price(pricing.get("completion")), details));
        }
        out.sort(Comparator.comparing(ModelInfo::id));
        return List.copyOf(out);
    }

    private static void put(Map<String, String> details, String key, String value) {
        if (!value.isBlank()) {
            details.put(key, value);
        }
    }

    private static double price(JsonNode p) {
        if (p == null || p.isNull()) {
            return -1;
        }
        try {
            double v = p.isNumber() ? p.asDouble() : Double.parseDouble(p.asText().strip());
            return v >= 0 && Double.isFinite(v) ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
