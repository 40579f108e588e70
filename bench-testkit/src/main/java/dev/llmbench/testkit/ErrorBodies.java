package dev.llmbench.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Error responses in each wire format (PROTOCOLS.md A.7, B.7, C). Stateless. Not API. */
final class ErrorBodies {

    static final String JSON_UTF8 = "application/json; charset=utf-8";

    /** A status, content type, body and extra headers. */
    record Response(int status, String contentType, String body, Map<String, String> headers) {
    }

    private ErrorBodies() {
    }

    /**
     * @param retryAfter for 429s: time until reset (adds Retry-After and X-RateLimit-* headers), else null
     */
    static Response render(WireFormat format, int status, String message, Duration retryAfter) {
        Map<String, String> headers = new LinkedHashMap<>();
        String reset = null;
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            reset = Long.toString(System.currentTimeMillis() + retryAfter.toMillis());
            headers.put("Retry-After", Long.toString(seconds));
            headers.put("X-RateLimit-Limit", "20");
            headers.put("X-RateLimit-Remaining", "0");
            headers.put("X-RateLimit-Reset", reset);
        }
        switch (format) {
            case OPENAI:
                return new Response(status, JSON_UTF8, openAi(message, openAiType(status), openAiCode(status)), headers);
            case OPENROUTER: {
                ObjectNode error = Json.object().put("message", message).put("code", status);
                ObjectNode metadata = error.putObject("metadata");
                if (reset != null) {
                    metadata.putObject("headers").put("X-RateLimit-Limit", "20").put("X-RateLimit-Remaining", "0")
                            .put("X-RateLimit-Reset", reset);
                    metadata.putNull("provider_name");
                } else {
                    metadata.put("error_type", openRouterType(status));
                }
                ObjectNode root = Json.object();
                root.set("error", error);
                root.put("user_id", "user_fake");
                return new Response(status, "application/json", Json.write(root), headers);
            }
            case ANTHROPIC: {
                ObjectNode root = Json.object().put("type", "error");
                root.putObject("error").put("type", anthropicType(status)).put("message", message);
                return new Response(status, "application/json", Json.write(root), headers);
            }
            default:
                return new Response(status, JSON_UTF8, Json.write(Json.object().put("error", message)), headers);
        }
    }

    /** OpenAI's pretty-printed error body: 4-space indent, {@code "key": value}, trailing newline. */
    static String openAi(String message, String type, String code) {
        return "{\n    \"error\": {\n        \"message\": " + Json.quote(message) + ",\n        \"type\": "
                + Json.quote(type) + ",\n        \"param\": null,\n        \"code\": "
                + (code == null ? "null" : Json.quote(code)) + "\n    }\n}\n";
    }

    static String openAiType(int status) {
        if (status == 429) {
            return "requests";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    static String openAiCode(int status) {
        switch (status) {
            case 401: return "invalid_api_key";
            case 404: return "model_not_found";
            case 429: return "rate_limit_exceeded";
            default: return null;
        }
    }

    static String openRouterType(int status) {
        switch (status) {
            case 400: return "invalid_request";
            case 401: return "authentication";
            case 402: return "payment_required";
            case 403: return "permission_denied";
            case 404: return "not_found";
            case 408: case 504: return "timeout";
            case 413: return "payload_too_large";
            case 422: return "unprocessable";
            case 429: return "rate_limit_exceeded";
            case 502: return "provider_unavailable";
            case 503: return "provider_overloaded";
            default: return status >= 500 ? "server" : "invalid_request";
        }
    }

    static String anthropicType(int status) {
        switch (status) {
            case 401: return "authentication_error";
            case 402: return "billing_error";
            case 403: return "permission_error";
            case 404: return "not_found_error";
            case 413: return "request_too_large";
            case 429: return "rate_limit_error";
            case 504: return "timeout_error";
            case 529: return "overloaded_error";
            default: return status >= 500 ? "api_error" : "invalid_request_error";
        }
    }
}
