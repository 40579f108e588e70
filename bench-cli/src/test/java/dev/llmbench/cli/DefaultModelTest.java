package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default model: the first Ollama model when a server answers, else sim:oracle with a banner. */
class DefaultModelTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @ParameterizedTest
    @CsvSource({"localhost, http://localhost:11434", "127.0.0.1:8080, http://127.0.0.1:8080",
        "http://gpu-box:11434/, http://gpu-box:11434", "https://ollama.example.com, https://ollama.example.com",
        "0.0.0.0:11434, http://0.0.0.0:11434"})
    void acceptsOllamaHostWithOrWithoutSchemeAndPort(String host, String url) {
        assertThat(DefaultModel.normalise(host)).isEqualTo(url);
    }

    @Test
    void fallsBackToTheSimulatorWithABannerWhenNothingListens() {
        DefaultModel chooser = new DefaultModel("127.0.0.1:" + CliRunner.closedPort(), TIMEOUT);
        assertThat(chooser.firstModel()).isEmpty();
        DefaultModel.Choice choice = chooser.choose(Set.of("ollama", "sim"));
        assertThat(choice.spec()).isEqualTo("sim:oracle");
        assertThat(choice.banner()).hasValueSatisfying(b -> assertThat(b)
                .contains("no model server answered at " + chooser.baseUrl()).contains("NO MODEL WAS MEASURED"));
    }

    @Test
    void fallsBackWithoutProbingWhenNoOllamaProviderIsInstalled() {
        DefaultModel.Choice choice = new DefaultModel("127.0.0.1:1", TIMEOUT).choose(Set.of("sim"));
        assertThat(choice.spec()).isEqualTo("sim:oracle");
        assertThat(choice.banner()).hasValueSatisfying(b -> assertThat(b).contains("NO MODEL WAS MEASURED"));
    }

    @Test
    void picksTheFirstModelOfAnAnsweringServer() throws Exception {
        HttpServer server = serve("{\"models\":[{\"name\":\"gemma4:e4b\"},{\"name\":\"qwen3:8b\"}]}");
        try {
            DefaultModel chooser = new DefaultModel("127.0.0.1:" + server.getAddress().getPort(), TIMEOUT);
            DefaultModel.Choice choice = chooser.choose(Set.of("ollama", "sim"));
            assertThat(choice.spec()).isEqualTo("ollama:gemma4:e4b");
            assertThat(choice.banner()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void fallsBackWhenTheServerHasNoModels() throws Exception {
        HttpServer server = serve("{\"models\":[]}");
        try {
            DefaultModel chooser = new DefaultModel("127.0.0.1:" + server.getAddress().getPort(), TIMEOUT);
            assertThat(chooser.choose(Set.of("ollama")).spec()).isEqualTo("sim:oracle");
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer serve(String tagsJson) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/tags", exchange -> {
            byte[] body = tagsJson.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
