package dev.llmbench.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.providers.internal.HttpSettings;
import dev.llmbench.providers.internal.http.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the models of an OpenAI-compatible server from {@code GET {base}/models}
 * ({@code {"object":"list","data":[{"id","object":"model","created","owned_by"}]}}). The context
 * window is read where a server adds it (vLLM's {@code max_model_len}, or
 * {@code context_length}); prices are never known. Stateless and thread-safe.
 */
final class OpenAiModelLister {
    private OpenAiModelLister() {}

    /** Asks the server. */
    static List<ModelInfo> list(HttpSettings settings, String authHint) {
        return parse(ChatCompletionsClient.getJson(OpenAiProviderFactory.ID, settings, authHint, settings.resolve("/models")));
    }

    /** Parses a model list, sorted by id; entries without an id are skipped. */
    static List<ModelInfo> parse(JsonNode root) {
        List<ModelInfo> out = new ArrayList<>();
        for (JsonNode m : root.path("data")) {
            String id = Json.text(m, "id");
            if (id.isBlank()) {
                continue;
            }
            long context = Json.number(m, "max_model_len", Json.number(m, "context_length", -1));
            Map<String, String> details = new LinkedHashMap<>();
            String owner = Json.text(m, "owned_by");
            if (!owner.isEmpty()) {
                details.put("owned_by", owner);
            }
            long created = Json.number(m, "created", -1);
            if (created > 0) {
                details.put("created", java.time.Instant.ofEpochSecond(created).toString());
            }
            out.add(new ModelInfo(id, context, -1, -1, details));
        }
        out.sort(Comparator.comparing(ModelInfo::id));
        return List.copyOf(out);
    }
}
