package dev.llmbench.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderException;
import dev.llmbench.providers.internal.HttpSettings;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.HttpCall;
import dev.llmbench.providers.internal.http.HttpTransport;
import dev.llmbench.providers.internal.http.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lists the models of an Ollama server from {@code GET /api/tags}. Stateless and thread-safe.
 *
 * <p>Each {@link ModelInfo} has the model name as id, the context length when the server reports
 * one ({@code details.context_length}, newer servers), no prices (-1: unknown), and details
 * {@code size} (bytes), {@code family}, {@code parameter_size},
 * {@code quantization_level}, {@code capabilities} (comma-separated, when reported) and
 * {@code remote_host} (cloud models), each only when present.
 */
final class OllamaModelLister {
    private OllamaModelLister() {}

    /**
     * Asks the server and waits for the answer, at most the total timeout.
     *
     * @throws ProviderException carrying the classified error when the server cannot be asked or
     *         answers something that is not a model list
     */
    static List<ModelInfo> list(HttpSettings http, HttpTransport transport, ErrorMapper errors) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        http.apiKey().reveal().ifPresent(k -> headers.put("Authorization", "Bearer " + k));
        HttpCall call = new HttpCall("GET", http.resolve("/api/tags"), headers, new byte[0], http.firstByteTimeout(),
                http.idleTimeout(), http.totalTimeout(), http.maxResponseBytes());
        HttpTransport.Response response;
        try {
            response = transport.fetch(call, errors).get(http.totalTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderError.of(ErrorClass.CANCELLED,
                    "ollama: interrupted while listing models"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTransport.FetchException f) {
                throw new ProviderException(f.error());
            }
            throw new ProviderException(ProviderError.of(ErrorClass.INTERNAL,
                    errors.scrub("ollama: listing models failed: " + e.getCause())));
        } catch (TimeoutException e) {
            throw new ProviderException(ProviderError.of(ErrorClass.TIMEOUT_TOTAL,
                    "ollama: no model list from " + http.baseUrl() + " within " + http.totalTimeout().toMillis()
                            + " ms"));
        }
        return parse(response.body(), errors);
    }

    /** The models in an {@code /api/tags} body, sorted by name. */
    static List<ModelInfo> parse(String body, ErrorMapper errors) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.path("models").isArray()) {
            throw new ProviderException(ProviderError.of(ErrorClass.MALFORMED_RESPONSE,
                    errors.scrub("ollama: /api/tags did not answer a model list: " + ErrorMapper.quote(body))));
        }
        List<ModelInfo> out = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            String name = Json.text(m, "name");
            if (name.isBlank()) {
                name = Json.text(m, "model");
            }
            if (name.isBlank()) {
                continue;
            }
            JsonNode d = m.path("details");
            long ctx = Json.number(d, "context_length", Json.number(m, "context_length", -1));
            Map<String, String> details = new LinkedHashMap<>();
            if (m.path("size").isNumber()) {
                details.put("size", String.valueOf(m.path("size").asLong()));
            }
            for (String key : List.of("family", "parameter_size", "quantization_level")) {
                String v = Json.text(d, key);
                if (!v.isBlank()) {
                    details.put(key, v);
                }
            }
            List<String> caps = new ArrayList<>();
            m.path("capabilities").forEach(c -> caps.add(c.asText()));
            if (!caps.isEmpty()) {
                details.put("capabilities", String.join(",", caps));
            }
            String remote = Json.text(m, "remote_host");
            if (!remote.isBlank()) {
                details.put("remote_host", remote);
            }
            out.add(new ModelInfo(name, ctx > 0 ? ctx : -1, -1, -1, details));
        }
        out.sort(Comparator.comparing(ModelInfo::id));
        return List.copyOf(out);
    }
}
