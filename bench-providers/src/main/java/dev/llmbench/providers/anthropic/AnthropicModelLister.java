package dev.llmbench.providers.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderException;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.HttpCall;
import dev.llmbench.providers.internal.http.HttpTransport;
import dev.llmbench.providers.internal.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Lists models with {@code GET /v1/models?limit=1000}, following {@code has_more}/{@code last_id}
 * pages (at most {@value #MAX_PAGES}). Each entry's {@code id} becomes the model id,
 * {@code max_input_tokens} (when present) the context length, and {@code display_name},
 * {@code created_at} and {@code max_tokens} (as {@code max_output_tokens}) go into the details.
 * The API reports no prices.
 *
 * <p>Stateless; uses the transport it is given and does not close it.
 */
final class AnthropicModelLister {
    /** The most pages fetched. */
    static final int MAX_PAGES = 20;

    private AnthropicModelLister() {}

    /**
     * @throws ProviderException with the classified error when the server cannot be asked or
     *         answers with something that is not a model list
     */
    static List<ModelInfo> list(AnthropicSettings settings, HttpTransport transport) {
        ErrorMapper errors = AnthropicProvider.errorMapper(settings);
        Map<String, String> headers = new LinkedHashMap<>(AnthropicProvider.headers(settings));
        headers.remove("content-type");
        List<ModelInfo> out = new ArrayList<>();
        String after = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            String query = "?limit=1000" + (after.isEmpty() ? "" : "&after_id=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            HttpCall call = new HttpCall("GET", settings.http().resolve("/v1/models" + query), headers, new byte[0],
                    settings.http().firstByteTimeout(), settings.http().idleTimeout(), settings.http().totalTimeout(),
                    settings.http().maxResponseBytes());
            JsonNode json = fetch(call, transport, errors);
            JsonNode data = json.path("data");
            if (!data.isArray()) {
                throw malformed(errors, "the model list has no \"data\" array: " + ErrorMapper.quote(json.toString()));
            }
            for (JsonNode m : data) {
                String id = Json.text(m, "id");
                if (id.isBlank()) {
                    continue;
                }
                Map<String, String> details = new LinkedHashMap<>();
                putIfPresent(details, "display_name", Json.text(m, "display_name"));
                putIfPresent(details, "created_at", Json.text(m, "created_at"));
                long maxOut = Json.number(m, "max_tokens", -1);
                if (maxOut > 0) {
                    details.put("max_output_tokens", Long.toString(maxOut));
                }
                out.add(new ModelInfo(id, Json.number(m, "max_input_tokens", -1), -1, -1, details));
            }
            after = Json.text(json, "last_id");
            if (!json.path("has_more").asBoolean(false) || after.isEmpty()) {
                break;
            }
        }
        return List.copyOf(out);
    }

    private static JsonNode fetch(HttpCall call, HttpTransport transport, ErrorMapper errors) {
        HttpTransport.Response response;
        try {
            response = transport.fetch(call, errors).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderError.of(ErrorClass.CANCELLED,
                    AnthropicProviderFactory.ID + ": interrupted while listing models"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTransport.FetchException f) {
                throw new ProviderException(f.error());
            }
            throw new ProviderException(ProviderError.of(ErrorClass.INTERNAL,
                    errors.scrub(AnthropicProviderFactory.ID + ": listing models failed: " + e.getCause())));
        }
        try {
            JsonNode json = Json.MAPPER.readTree(response.body());
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw malformed(errors, "the model list is not a JSON object: " + ErrorMapper.quote(response.body()));
    }

    private static ProviderException malformed(ErrorMapper errors, String message) {
        return new ProviderException(ProviderError.of(ErrorClass.MALFORMED_RESPONSE,
                errors.scrub(AnthropicProviderFactory.ID + ": " + message)));
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (!value.isBlank()) {
            map.put(key, value);
        }
    }
}
