package dev.llmbench.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/models} in Anthropic's own shape (FakeLlmServer answers that path in the OpenAI
 * shape), served by a JDK HTTP server with two pages.
 */
class AnthropicModelListerTest {
    private static final String KEY = "sk-canary-123";
    private static final String PAGE_1 = "{\"data\":[{\"type\":\"model\",\"id\":\"claude-opus-4-6\",\"display_name\":\"Claude Opus 4.6\","
            + "\"created_at\":\"2026-02-05T00:00:00Z\",\"max_input_tokens\":200000,\"max_tokens\":128000}],"
            + "\"has_more\":true,\"first_id\":\"claude-opus-4-6\",\"last_id\":\"claude-opus-4-6\"}";
    private static final String PAGE_2 = "{\"data\":[{\"type\":\"model\",\"id\":\"claude-haiku-4-5\",\"display_name\":\"Claude Haiku 4.5\","
            + "\"created_at\":\"2025-10-01T00:00:00Z\"}],\"has_more\":false,\"first_id\":\"claude-haiku-4-5\",\"last_id\":\"claude-haiku-4-5\"}";

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private volatile String override;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/models", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            queries.add(q);
            keys.add(ex.getRequestHeaders().getFirst("x-api-key"));
            String body = override != null ? override : q.contains("after_id=claude-opus-4-6") ? PAGE_2 : PAGE_1;
            int status = override != null && override.contains("authentication_error") ? 401 : 200;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("content-type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<ModelInfo> list() {
        ProviderConfig c = ProviderConfig.of("ignored").withBaseUrl("http://127.0.0.1:" + server.getAddress().getPort());
        return new AnthropicProviderFactory(Map.of("ANTHROPIC_API_KEY", KEY)::get).listModels(c);
    }

    @Test
    void followsPagesAndReadsLimitsAndNames() {
        List<ModelInfo> models = list();

        assertThat(models).extracting(ModelInfo::id).containsExactly("claude-opus-4-6", "claude-haiku-4-5");
        ModelInfo opus = models.get(0);
        assertThat(opus.context()).hasValue(200_000);
        assertThat(opus.promptPrice()).isEmpty();
        assertThat(opus.details()).containsEntry("display_name", "Claude Opus 4.6")
                .containsEntry("created_at", "2026-02-05T00:00:00Z").containsEntry("max_output_tokens", "128000");
        assertThat(models.get(1).context()).isEmpty();
        assertThat(queries).containsExactly("limit=1000", "limit=1000&after_id=claude-opus-4-6");
        assertThat(keys).containsOnly(KEY);
    }

    @Test
    void aBodyWithoutADataArrayIsMalformed() {
        override = "{\"models\":[]}";
        assertThatThrownBy(this::list).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.error().errorClass()).isEqualTo(ErrorClass.MALFORMED_RESPONSE));
    }

    @Test
    void aRejectedKeyIsAnAuthenticationErrorWithoutTheKey() {
        override = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key " + KEY + "\"}}";
        assertThatThrownBy(this::list).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.error().errorClass()).isEqualTo(ErrorClass.AUTHENTICATION);
            assertThat(e.getMessage()).doesNotContain(KEY).contains("ANTHROPIC_API_KEY");
        });
    }
}
