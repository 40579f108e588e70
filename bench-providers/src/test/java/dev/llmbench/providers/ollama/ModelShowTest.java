package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.providers.internal.http.Json;
import org.junit.jupiter.api.Test;

class ModelShowTest {
    @Test
    void readsCapabilitiesContextLengthAndModelfileNumCtx() throws Exception {
        ModelShow s = ModelShow.parse(Json.MAPPER.readTree("{\"parameters\":\"stop \\\"<end>\\\"\\nnum_ctx 8192\\n\","
                + "\"model_info\":{\"general.architecture\":\"gemma3\",\"gemma3.context_length\":131072,"
                + "\"gemma3.embedding_length\":2560},\"capabilities\":[\"completion\",\"vision\"]}"));

        assertThat(s.known()).isTrue();
        assertThat(s.capabilities()).containsExactlyInAnyOrder("completion", "vision");
        assertThat(s.contextLength()).isEqualTo(131_072);
        assertThat(s.modelfileNumCtx()).isEqualTo(8192);
        assertThat(s.lacks("tools")).isTrue();
        assertThat(s.lacks("vision")).isFalse();
    }

    @Test
    void neverClaimsALackWhenCapabilitiesAreNotReported() throws Exception {
        ModelShow s = ModelShow.parse(Json.MAPPER.readTree("{\"model_info\":{\"llama.context_length\":4096}}"));

        assertThat(s.contextLength()).isEqualTo(4096);
        assertThat(s.lacks("tools")).isFalse();
        assertThat(ModelShow.UNKNOWN.lacks("tools")).isFalse();
    }
}
