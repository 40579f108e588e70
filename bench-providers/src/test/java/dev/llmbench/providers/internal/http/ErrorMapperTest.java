package dev.llmbench.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
    private static final String KEY = "sk-canary-123";
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_754_667_600_000L), ZoneOffset.UTC);
    private final ErrorMapper mapper = new ErrorMapper("openrouter", Secret.of(KEY), "check OPENROUTER_API_KEY", clock);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "401 | {\"error\":{\"message\":\"User not found.\",\"code\":401}}                 | authentication",
        "403 | {\"error\":{\"code\":403,\"message\":\"Request blocked\"}}                  | authentication",
        "402 | {\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}            | payment_required",
        "404 | {\"error\":\"model 'llama9' not found\"}                                      | model_not_found",
        "400 | {\"error\":{\"message\":\"x is not a valid model ID\",\"code\":\"model_not_found\"}} | model_not_found",
        "400 | {\"error\":\"registry.ollama.ai/library/gemma3:1b does not support tools\"}  | invalid_request",
        "413 | payload too large                                                          | invalid_request",
        "422 | {\"error\":{\"message\":\"bad schema\"}}                                     | invalid_request",
        "429 | {\"error\":{\"message\":\"Rate limit exceeded\",\"code\":429}}             | rate_limited",
        "500 | {\"error\":\"the model failed to generate a response\"}                     | server_error",
        "503 | server busy, please try again.  maximum pending requests exceeded          | server_error",
        "529 | {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}} | server_error",
    })
    void mapsStatusesAndBodiesToErrorClasses(int status, String body, String expected) {
        ProviderError e = mapper.http(status, Map.of(), body);
        assertThat(e.errorClass().id()).isEqualTo(expected);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.message()).startsWith("openrouter: HTTP " + status);
    }

    @Test
    void quotesTheMessageNotTheWholeJsonAndAddsAnAuthHint() {
        ProviderError e = mapper.http(401, Map.of(), "{\"error\":{\"message\":\"User not found.\",\"code\":401}}");
        assertThat(e.message()).isEqualTo("openrouter: HTTP 401: User not found. (check OPENROUTER_API_KEY)");
    }

    @Test
    void readsRetryAfterSecondsAndRateLimitResetEpochMillis() {
        assertThat(mapper.http(429, Map.of("retry-after", "17"), "").retryAfter()).hasValue(17_000);
        assertThat(mapper.http(429, Map.of("x-ratelimit-reset", "1754667660000"), "").retryAfter()).hasValue(60_000);
        assertThat(mapper.http(429, Map.of("x-ratelimit-reset", "1754667660"), "").retryAfter()).hasValue(60_000);
        assertThat(mapper.http(429, Map.of(), "{\"error\":{\"message\":\"Provider returned error\",\"code\":429,"
                + "\"metadata\":{\"retry_after_seconds\":5,\"provider_name\":\"Venice\",\"raw\":\"slow down\"}}}")
                .retryAfter()).hasValue(5_000);
        assertThat(mapper.http(429, Map.of(), "").retryAfter()).isEmpty();
        assertThat(mapper.http(503, Map.of("retry-after", "Fri, 08 Aug 2025 15:41:00 GMT"), "").retryAfter())
                .hasValue(60_000);
    }

    @Test
    void namesTheUpstreamProviderAndItsRawError() {
        ProviderError e = mapper.http(429, Map.of(), "{\"error\":{\"message\":\"Provider returned error\",\"code\":429,"
                + "\"metadata\":{\"provider_name\":\"Venice\",\"raw\":\"too many requests\"}},\"user_id\":\"u\"}");
        assertThat(e.message()).contains("Provider returned error", "Venice", "too many requests");
    }

    @Test
    void neverLeaksTheApiKey() {
        ProviderError e = mapper.http(401, Map.of(), "{\"error\":\"Incorrect API key provided: " + KEY + "\"}");
        assertThat(e.message()).doesNotContain(KEY).contains("****");
        ProviderError t = mapper.transport(new ConnectException("refused " + KEY), "http://x/" + KEY, false, 0);
        assertThat(t.message()).doesNotContain(KEY);
    }

    @Test
    void classifiesInStreamErrors() throws Exception {
        assertThat(mapper.inStream(Json.MAPPER.readTree("{\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}"))
                .errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
        ProviderError e = mapper.inStream(Json.MAPPER.readTree("{\"error\":{\"code\":429,\"message\":\"Rate limit\"}}"));
        assertThat(e.message()).contains("code 429", "Rate limit");
        assertThat(e.httpStatus()).isEmpty();
        assertThat(mapper.inStream(Json.MAPPER.readTree("{\"error\":\"model \\\"x\\\" not found, try pulling it first\"}"))
                .errorClass()).isEqualTo(ErrorClass.MODEL_NOT_FOUND);
    }

    @Test
    void classifiesTransportFailures() {
        assertThat(mapper.transport(new ConnectException("Connection refused"), "http://127.0.0.1:1", false, 0)
                .errorClass()).isEqualTo(ErrorClass.UNREACHABLE);
        assertThat(mapper.transport(new java.io.IOException("Connection reset"), "http://h", true, 120)
                .errorClass()).isEqualTo(ErrorClass.TRUNCATED_STREAM);
    }

    /** The fault matrix cannot force a connect timeout on loopback; this pins the mapping instead. */
    @Test
    void classifiesConnectTimeoutsFromHttpClientAndTheJdk() {
        assertThat(mapper.transport(new org.apache.hc.client5.http.ConnectTimeoutException("Connect to h timed out"),
                "http://h", false, 0).errorClass()).isEqualTo(ErrorClass.TIMEOUT_CONNECT);
        assertThat(mapper.transport(new java.io.IOException("wrapped",
                new java.net.SocketTimeoutException("Connect timed out")), "http://h", false, 0).errorClass())
                .isEqualTo(ErrorClass.TIMEOUT_CONNECT);
    }
}
