package dev.llmbench.providers.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.openai.Capture;
import dev.llmbench.providers.openai.ChatCompletionsLoopbackContract;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.FakeModel;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code openrouter} provider over loopback HTTP against the fake server's {@code /api/v1}. */
class OpenRouterProviderTest extends ChatCompletionsLoopbackContract {

    @Override
    protected Provider create(String baseUrl, Map<String, String> extras) {
        return new OpenRouterProviderFactory(name -> null).create(new ProviderConfig(model(), baseUrl, Secret.of(KEY),
                Duration.ofSeconds(2), Duration.ofSeconds(30), extras));
    }

    @Override
    protected String baseUrl(FakeLlmServer server) {
        return server.openRouterUrl();
    }

    @Override
    protected String model() {
        return "openai/gpt-5.4-nano";
    }

    @Test
    void sendsAttributionHeadersAndAsksForUsage() throws Exception {
        server.enqueue(Reply.text("ok"));

        send(provider(), ChatRequest.ofUser("x"));

        RecordedRequest sent = lastRequest();
        assertThat(sent.path()).isEqualTo("/api/v1/chat/completions");
        assertThat(sent.header("X-Title")).contains("llmbench");
        assertThat(sent.header("X-OpenRouter-Title")).contains("llmbench");
        assertThat(sent.header("HTTP-Referer")).isEmpty();
        assertThat(sent.json().path("usage").path("include").asBoolean()).isTrue();
    }

    @Test
    void passesRoutingAndReasoningPreferencesAndSiteHeaders() throws Exception {
        server.enqueue(Reply.text("ok"));
        Provider p = provider(Map.of("provider", "{\"order\":[\"groq\"],\"allow_fallbacks\":false}",
                "reasoning", "{\"effort\":\"high\"}", "site_url", "https://example.org/bench", "site_name", "My Bench"));

        send(p, ChatRequest.builder().user("x")
                .responseFormat(new ResponseFormat.JsonSchema("weather", "{\"type\":\"object\"}", true)).build());

        RecordedRequest sent = lastRequest();
        assertThat(sent.json().get("provider").toString()).isEqualTo("{\"order\":[\"groq\"],\"allow_fallbacks\":false}");
        assertThat(sent.json().get("reasoning").toString()).isEqualTo("{\"effort\":\"high\"}");
        assertThat(sent.json().path("response_format").path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(sent.header("HTTP-Referer")).contains("https://example.org/bench");
        assertThat(sent.header("X-Title")).contains("My Bench");
    }

    @Test
    void countsUsageAndCostOnceAlthoughTheUsageChunkRepeatsTheFinish() throws Exception {
        server.enqueue(Reply.text("Olá mundo").usage(19, 7).cost(0.00001255).keepAlive(2).keepAliveBetweenChunks());

        Capture c = send(provider(), ChatRequest.ofUser("x"));

        assertThat(c.events().stream().filter(StreamEvent.Usage.class::isInstance)).hasSize(1);
        ChatResponse r = c.response();
        assertThat(r.text()).isEqualTo("Olá mundo");
        assertThat(r.usage().inputTokens()).isEqualTo(19);
        assertThat(r.usage().outputTokens()).isEqualTo(7);
        assertThat(r.usage().costUsd()).isEqualTo(0.00001255);
        assertThat(c.terminal()).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
    }

    @Test
    void keepsReasoningDetailsOutOfBothStreams() throws Exception {
        server.enqueue(Reply.text("42").reasoningChunks("Let me ", "think."));

        ChatResponse r = send(provider(), ChatRequest.ofUser("x")).response();

        assertThat(r.reasoning()).isEqualTo("Let me think.");
        assertThat(r.text()).isEqualTo("42");
    }

    @Test
    void toleratesAServedModelThatDiffersFromTheRequestedOne() throws Exception {
        server.enqueue(Reply.text("fine").model("openai/gpt-5.4-nano-20260317").provider("Azure"));

        Capture c = send(provider(), ChatRequest.ofUser("x"));

        assertThat(c.response().text()).isEqualTo("fine");
        assertThat(c.terminal()).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"int", "string"})
    void failsWithAStreamErrorOnMidStreamErrorsWithEitherCodeType(String type) throws Exception {
        Reply r = Reply.text("one two three");
        server.enqueue(type.equals("int") ? r.errorAfterChunks(1, 502, "Provider returned error")
                : r.errorAfterChunks(1, "server_error", "Provider returned error"));

        Capture c = send(provider(), ChatRequest.ofUser("x"));

        ProviderError e = c.failure();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
        assertThat(e.message()).contains("Provider returned error").contains(type.equals("int") ? "502" : "server_error");
        assertThat(c.response().text()).isEqualTo("one");
    }

    @Test
    void classifies402AsPaymentRequired() throws Exception {
        server.enqueue(Reply.error(402, "Insufficient credits. Add more using https://openrouter.ai/credits"));

        ProviderError e = send(provider(), ChatRequest.ofUser("x")).failure();

        assertThat(e.errorClass()).isEqualTo(ErrorClass.PAYMENT_REQUIRED);
        assertThat(e.message()).contains("Insufficient credits");
    }

    @Test
    void quotesTheUpstreamProviderAndRawErrorFromMetadata() throws Exception {
        server.enqueue(Reply.status(429, "{\"error\":{\"message\":\"Provider returned error\",\"code\":429,\"metadata\":"
                + "{\"raw\":\"{\\\"detail\\\":\\\"venice is busy\\\"}\",\"provider_name\":\"Venice\",\"is_byok\":false,"
                + "\"retry_after_seconds\":17}},\"user_id\":\"user_abc\"}"));

        ProviderError e = send(provider(), ChatRequest.ofUser("x")).failure();

        assertThat(e.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(e.message()).contains("Venice").contains("venice is busy");
        assertThat(e.retryAfterMillis()).isEqualTo(17_000);
    }

    @Test
    void listsModelsWithContextLengthAndPrices() {
        server.addModel(FakeModel.of("openai/gpt-4o-mini").withContextLength(128_000).withPricing("0.00000015", "0.0000006"),
                FakeModel.of("meta-llama/llama-3-8b:free"));

        List<ModelInfo> models = new OpenRouterProviderFactory(name -> null).listModels(
                ProviderConfig.of("ignored").withBaseUrl(server.openRouterUrl()));

        assertThat(models).extracting(ModelInfo::id).containsExactly("meta-llama/llama-3-8b:free", "openai/gpt-4o-mini");
        ModelInfo gpt = models.get(1);
        assertThat(gpt.contextLength()).isEqualTo(128_000);
        assertThat(gpt.promptUsdPerToken()).isEqualTo(0.00000015);
        assertThat(gpt.completionUsdPerToken()).isEqualTo(0.0000006);
        assertThat(models.get(0).promptUsdPerToken()).isZero();
        assertThat(lastRequest().path()).isEqualTo("/api/v1/models");
    }
}
