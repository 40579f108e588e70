package dev.llmbench.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.FakeModel;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code openai} provider over loopback HTTP against the fake server's {@code /v1}. */
class OpenAiProviderTest extends ChatCompletionsLoopbackContract {

    @Override
    protected Provider create(String baseUrl, Map<String, String> extras) {
        return new OpenAiProviderFactory(name -> null).create(new ProviderConfig(model(), baseUrl, Secret.of(KEY),
                Duration.ofSeconds(2), Duration.ofSeconds(30), extras));
    }

    @Override
    protected String baseUrl(FakeLlmServer server) {
        return server.openAiUrl();
    }

    @Override
    protected String model() {
        return "gpt-4o-mini";
    }

    @Test
    void asksForUsageAndReadsTheEmptyChoicesUsageChunk() throws Exception {
        server.enqueue(Reply.text("ok").usage(9, 1));

        Capture c = send(provider(), ChatRequest.ofUser("x"));

        assertThat(c.response().usage().inputTokens()).isEqualTo(9);
        RecordedRequest sent = lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.json().path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(sent.header("Accept")).contains("text/event-stream");
    }

    @Test
    void needsNoKeyForALocalServerAndSendsNoAuthorizationThen() throws Exception {
        server.enqueue(Reply.text("local"));
        Provider p = new OpenAiProviderFactory(name -> name.equals("OPENAI_BASE_URL") ? server.openAiUrl() : null)
                .create(ProviderConfig.of("llama3.2"));
        try {
            assertThat(send(p, ChatRequest.ofUser("x")).response().text()).isEqualTo("local");
        } finally {
            p.close();
        }
        assertThat(lastRequest().header("Authorization")).isEmpty();
    }

    @Test
    void passesReasoningEffortAndExtraBodyAndTheMaxTokensFieldThrough() throws Exception {
        server.enqueue(Reply.text("ok"));
        Provider p = provider(Map.of("reasoning_effort", "low", "extra_body", "{\"top_p\":0.5}",
                "max_tokens_field", "max_completion_tokens", "include_usage", "false"));

        send(p, ChatRequest.builder().user("x").sampling(Sampling.DEFAULT.withMaxTokens(99))
                .responseFormat(ResponseFormat.JSON).extra("reasoning_effort", "high").build());

        RecordedRequest sent = lastRequest();
        assertThat(sent.json().get("reasoning_effort").asText()).isEqualTo("high");
        assertThat(sent.json().get("top_p").asDouble()).isEqualTo(0.5);
        assertThat(sent.json().get("max_completion_tokens").asInt()).isEqualTo(99);
        assertThat(sent.json().has("max_tokens")).isFalse();
        assertThat(sent.json().has("stream_options")).isFalse();
        assertThat(sent.json().get("response_format").get("type").asText()).isEqualTo("json_object");
    }

    @Test
    void acceptsModelParametersInTheModelName() throws Exception {
        server.enqueue(Reply.text("ok"));
        Provider p = new OpenAiProviderFactory(name -> null).create(new ProviderConfig("gpt-4o-mini?reasoning_effort=minimal",
                server.openAiUrl(), Secret.of(KEY), Duration.ofSeconds(2), Duration.ofSeconds(30), Map.of()));
        try {
            assertThat(p.model()).isEqualTo("gpt-4o-mini");
            send(p, ChatRequest.ofUser("x"));
        } finally {
            p.close();
        }
        RecordedRequest sent = lastRequest();
        assertThat(sent.json().get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(sent.json().get("reasoning_effort").asText()).isEqualTo("minimal");
    }

    @Test
    void listsModelsFromTheModelsEndpoint() {
        server.addModel(FakeModel.of("llama3.2:latest"), FakeModel.of("gemma3:1b"));

        List<ModelInfo> models = new OpenAiProviderFactory(name -> null).listModels(
                ProviderConfig.of("ignored").withBaseUrl(server.openAiUrl()).withApiKey(Secret.of(KEY)));

        assertThat(models).extracting(ModelInfo::id).containsExactly("gemma3:1b", "llama3.2:latest");
        RecordedRequest sent = lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/models");
        assertThat(sent.header("Authorization")).contains("Bearer " + KEY);
    }
}
