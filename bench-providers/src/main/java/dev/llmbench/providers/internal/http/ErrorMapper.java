package dev.llmbench.providers.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one mapper from HTTP statuses, error bodies, mid-stream error events and transport
 * exceptions to classified {@link ProviderError}s. Messages quote at most {@value #BODY_QUOTE}
 * characters of a body and never contain the API key. Stateless and thread-safe.
 */
public final class ErrorMapper {
    /** How much of a response body an error message quotes. */
    public static final int BODY_QUOTE = 300;
    private static final Pattern NOT_FOUND = Pattern.compile("(?i)(model[^\\n]{0,120}not found|not[_ ]found|no endpoints|does not exist)");
    private static final Pattern NOT_SUPPORTED = Pattern.compile("(?i)does not support");

    private final String provider;
    private final Secret secret;
    private final Clock clock;
    private final String authHint;

    /**
     * @param provider the provider id, quoted in messages
     * @param secret   the API key to scrub from every message
     * @param authHint what to tell the user on 401/403, e.g. "check OPENROUTER_API_KEY"
     */
    public ErrorMapper(String provider, Secret secret, String authHint, Clock clock) {
        this.provider = provider;
        this.secret = secret;
        this.authHint = authHint;
        this.clock = clock;
    }

    /** The error for an HTTP status of 400 or more with its (possibly truncated) body. */
    public ProviderError http(int status, Map<String, String> headers, String body) {
        Extracted e = extract(body);
        ErrorClass c = classify(status, e);
        long retry = retryAfterMillis(headers, e.retryAfterSeconds);
        StringBuilder m = new StringBuilder(provider).append(": HTTP ").append(status);
        if (!e.message.isEmpty()) {
            m.append(": ").append(e.message);
        }
        switch (c) {
            case AUTHENTICATION -> m.append(" (").append(authHint).append(')');
            case MODEL_NOT_FOUND -> m.append(" (check the model name; `llmbench list models --provider ")
                    .append(provider).append("` shows what the server has)");
            case RATE_LIMITED -> m.append(retry >= 0 ? " (retry after " + retry + " ms)" : "");
            default -> { }
        }
        if (e.message.isEmpty() && !body.isBlank()) {
            m.append(": ").append(quote(body));
        }
        return new ProviderError(c, scrub(m.toString()), status, retry);
    }

    /**
     * The error for an error event or line that arrived after a successful status.
     *
     * @param json the event's JSON (the whole event object)
     */
    public ProviderError inStream(JsonNode json) {
        Extracted e = extract(json);
        ErrorClass c = ErrorClass.STREAM_ERROR;
        if (NOT_FOUND.matcher(e.message).find() && e.message.toLowerCase(Locale.ROOT).contains("model")) {
            c = ErrorClass.MODEL_NOT_FOUND;
        } else if (NOT_SUPPORTED.matcher(e.message).find()) {
            c = ErrorClass.INVALID_REQUEST;
        }
        String code = e.code.isEmpty() ? "" : " (code " + e.code + ")";
        long retry = e.retryAfterSeconds >= 0 ? e.retryAfterSeconds * 1000 : -1;
        return new ProviderError(c, scrub(provider + ": error in the response stream" + code + ": "
                + (e.message.isEmpty() ? quote(json.toString()) : e.message)), 0, retry);
    }

    /** The error for a transport exception; {@code responseStarted} says whether a status line arrived. */
    public ProviderError transport(Throwable t, String url, boolean responseStarted, long bytes) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        ErrorClass c;
        String m;
        if (responseStarted) {
            c = ErrorClass.TRUNCATED_STREAM;
            m = "the connection broke after " + bytes + " response bytes, before the end of the stream (" + what + ")";
        } else if (isConnectTimeout(t)) {
            c = ErrorClass.TIMEOUT_CONNECT;
            m = "could not connect to " + url + " in time (" + what + ")";
        } else if (isUnreachable(t)) {
            c = ErrorClass.UNREACHABLE;
            m = "cannot reach " + url + " (" + what + "); is the server running and the base URL right?";
        } else {
            c = ErrorClass.UNREACHABLE;
            m = "the request to " + url + " failed before a response (" + what + ")";
        }
        return new ProviderError(c, scrub(provider + ": " + m), 0, -1);
    }

    /** Scrubs the API key out of any text. */
    public String scrub(String text) {
        return secret.redact(text);
    }

    /** {@code text} cut to {@value #BODY_QUOTE} characters on one line. */
    public static String quote(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= BODY_QUOTE ? one : one.substring(0, BODY_QUOTE) + "…";
    }

    private ErrorClass classify(int status, Extracted e) {
        boolean notFound = NOT_FOUND.matcher(e.message).find() || e.code.equals("model_not_found");
        if (status == 401 || status == 403) {
            return ErrorClass.AUTHENTICATION;
        }
        if (status == 402) {
            return ErrorClass.PAYMENT_REQUIRED;
        }
        if (status == 404 || (status == 400 && notFound)) {
            return ErrorClass.MODEL_NOT_FOUND;
        }
        if (status == 429) {
            return ErrorClass.RATE_LIMITED;
        }
        if (status >= 500 || status == 408) {
            return ErrorClass.SERVER_ERROR;
        }
        return ErrorClass.INVALID_REQUEST;
    }

    private long retryAfterMillis(Map<String, String> headers, long bodySeconds) {
        String ra = headers.get("retry-after");
        if (ra != null) {
            try {
                return Math.max(0, Math.round(Double.parseDouble(ra.strip()) * 1000));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(ra.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Math.max(0, at.toInstant().toEpochMilli() - clock.millis());
                } catch (DateTimeParseException ignored) {
                    // fall through to the other hints
                }
            }
        }
        String reset = headers.get("x-ratelimit-reset");
        if (reset != null) {
            try {
                long v = Long.parseLong(reset.strip());
                long epochMs = v < 100_000_000_000L ? v * 1000 : v; // seconds or milliseconds since the epoch
                return Math.max(0, epochMs - clock.millis());
            } catch (NumberFormatException ignored) {
                // not an epoch value
            }
        }
        return bodySeconds >= 0 ? bodySeconds * 1000 : -1;
    }

    /** What an error body says: message, code, retry hint. */
    private record Extracted(String message, String code, long retryAfterSeconds) {}

    private static Extracted extract(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            if (n != null && n.isObject()) {
                return extract(n);
            }
        } catch (IOException notJson) {
            // plain text body
        }
        return new Extracted(body.isBlank() ? "" : quote(body), "", -1);
    }

    private static Extracted extract(JsonNode n) {
        JsonNode err = n.has("error") ? n.get("error") : n;
        if (err.isTextual()) {
            return new Extracted(quote(err.asText()), "", -1);
        }
        String message = err.path("message").asText("");
        String type = err.path("type").asText("");
        JsonNode codeNode = err.path("code");
        String code = codeNode.isMissingNode() || codeNode.isNull() ? "" : codeNode.asText();
        JsonNode meta = err.path("metadata");
        String raw = meta.path("raw").isTextual() ? meta.path("raw").asText() : "";
        String providerName = meta.path("provider_name").isTextual() ? meta.path("provider_name").asText() : "";
        long retry = meta.path("retry_after_seconds").isNumber() ? meta.path("retry_after_seconds").asLong() : -1;
        StringBuilder m = new StringBuilder(message);
        if (!type.isEmpty() && !type.equals("error")) {
            m.append(m.length() > 0 ? " [" + type + "]" : type);
        }
        if (!providerName.isEmpty()) {
            m.append(" (upstream ").append(providerName).append(')');
        }
        if (!raw.isEmpty()) {
            m.append(": ").append(raw);
        }
        return new Extracted(quote(m.toString()), code, retry);
    }

    private static boolean isConnectTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getSimpleName();
            if (name.equals("ConnectTimeoutException") || (c instanceof SocketTimeoutException
                    && String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("connect"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}
