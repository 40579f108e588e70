package dev.llmbench.providers.openai;

import dev.llmbench.providers.internal.ModelParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.ProviderConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyParamsTest {
    private static final Map<String, BodyParams.Kind> KNOWN = new LinkedHashMap<>(Map.of(
            "reasoning_effort", BodyParams.Kind.STRING,
            "provider", BodyParams.Kind.OBJECT,
            "extra_body", BodyParams.Kind.MERGE));

    @Test
    void parsesStringsObjectsAndMergedBodies() {
        BodyParams p = BodyParams.of("x", Map.of("reasoning_effort", " low ", "provider", "{\"order\":[\"groq\"]}",
                "extra_body", "{\"top_p\":0.9,\"chat_template_kwargs\":{\"enable_thinking\":false}}", "site_name", "ignored"), KNOWN);

        Map<String, JsonNode> fields = p.forRequest(Map.of());

        assertThat(fields.get("reasoning_effort").asText()).isEqualTo("low");
        assertThat(fields.get("provider").toString()).isEqualTo("{\"order\":[\"groq\"]}");
        assertThat(fields.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(fields.get("chat_template_kwargs").toString()).isEqualTo("{\"enable_thinking\":false}");
        assertThat(fields).doesNotContainKeys("extra_body", "site_name");
    }

    @Test
    void letsRequestExtrasOverrideAndIgnoresUnknownOnes() {
        BodyParams p = BodyParams.of("x", Map.of("reasoning_effort", "low"), KNOWN);

        Map<String, JsonNode> fields = p.forRequest(Map.of("reasoning_effort", "high", "num_ctx", "8192"));

        assertThat(fields.get("reasoning_effort").asText()).isEqualTo("high");
        assertThat(fields).doesNotContainKey("num_ctx");
    }

    @Test
    void rejectsAnObjectSettingThatIsNotAJsonObjectInOneLine() {
        assertThatThrownBy(() -> BodyParams.of("openrouter", Map.of("provider", "{\"order\":"), KNOWN))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageStartingWith("provider 'openrouter': provider is not valid JSON")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BodyParams.of("openrouter", Map.of("provider", "[\"groq\"]"), KNOWN))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("must be a JSON object");
    }

    @Test
    void neverLetsExtraBodyReplaceModelMessagesOrStream() {
        assertThatThrownBy(() -> BodyParams.of("openai", Map.of("extra_body", "{\"stream\":false}"), KNOWN))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("\"stream\"");
        BodyParams p = BodyParams.of("openai", Map.of(), KNOWN);
        assertThatThrownBy(() -> p.forRequest(Map.of("extra_body", "{\"model\":\"other\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"model\"");
    }

    @Test
    void movesQueryParametersOfTheModelIntoExtrasAndLetsThemWin() {
        ProviderConfig c = ModelParams.apply("openrouter", new ProviderConfig("meta-llama/llama-3-8b:free?reasoning_effort=low&idle_timeout=30s",
                "", dev.llmbench.core.spi.Secret.NONE, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
                Map.of("reasoning_effort", "high", "site_name", "me")));

        assertThat(c.model()).isEqualTo("meta-llama/llama-3-8b:free");
        assertThat(c.extras()).containsEntry("reasoning_effort", "low").containsEntry("idle_timeout", "30s")
                .containsEntry("site_name", "me");
        assertThat(ModelParams.apply("openai", ProviderConfig.of("gpt-4o"))).isEqualTo(ProviderConfig.of("gpt-4o"));
    }

    @Test
    void rejectsAModelParameterWithoutAValue() {
        assertThatThrownBy(() -> ModelParams.apply("openai", ProviderConfig.of("gpt-4o?low")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("must be key=value");
        assertThatThrownBy(() -> ModelParams.apply("openai", ProviderConfig.of("?a=b")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("no model name");
    }
}
