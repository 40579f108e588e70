package dev.llmbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request the {@link FakeLlmServer} received, exactly as it arrived.
 *
 * <p>Header names are case-insensitive. The body is kept raw; {@link #json()} parses it with
 * Jackson. The convenience accessors ({@link #model()}, {@link #stream()},
 * {@link #lastUserMessage()}) understand the Ollama, OpenAI, OpenRouter and Anthropic request
 * shapes.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RecordedRequest {

    private final long sequence;
    private final long connectionId;
    private final String method;
    private final String target;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final WireFormat wireFormat;
    private final long receivedNanos;
    private final int onConnection;
    private final JsonNode json;

    RecordedRequest(long sequence, long connectionId, String method, String target,
            Map<String, List<String>> headers, byte[] body, WireFormat wireFormat, long receivedNanos) {
        this(sequence, connectionId, method, target, headers, body, wireFormat, receivedNanos, 0);
    }

    RecordedRequest(long sequence, long connectionId, String method, String target,
            Map<String, List<String>> headers, byte[] body, WireFormat wireFormat, long receivedNanos,
            int onConnection) {
        this.sequence = sequence;
        this.onConnection = onConnection;
        this.connectionId = connectionId;
        this.method = method;
        this.target = target;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
        this.wireFormat = wireFormat;
        this.receivedNanos = receivedNanos;
        this.json = Json.parseOrMissing(body);
    }

    /** @return position of this request among all the server received, from 0 */
    public long sequence() {
        return sequence;
    }

    /** @return id of the TCP connection it came on; equal ids mean a reused (keep-alive) connection */
    public long connectionId() {
        return connectionId;
    }

    /** @return how many requests came before this one on the same connection: 0 on a new connection */
    public int requestOnConnection() {
        return onConnection;
    }

    /** @return the HTTP method, e.g. {@code POST}, never null */
    public String method() {
        return method;
    }

    /** @return the request target as sent, query included, never null */
    public String target() {
        return target;
    }

    /** @return the path without the query, never null */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** @return all headers, names case-insensitive, values in arrival order; unmodifiable, never null */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return the first value of header {@code name} (case-insensitive) */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return a copy of the raw body (de-chunked), never null */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body decoded as UTF-8, never null */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return a copy of the parsed JSON body, a {@code MissingNode} when the body is empty or not JSON; never null */
    public JsonNode json() {
        return json.deepCopy();
    }

    /** @return the wire format chosen by the path, never null */
    public WireFormat wireFormat() {
        return wireFormat;
    }

    /** @return {@link System#nanoTime()} when the request was fully read; the reply schedule starts here */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** @return the {@code model} field of the JSON body */
    public Optional<String> model() {
        JsonNode m = json.path("model");
        return m.isTextual() ? Optional.of(m.asText()) : Optional.empty();
    }

    /** @return whether a streamed answer was asked for: Ollama streams unless {@code "stream":false}, the others only with {@code "stream":true} */
    public boolean stream() {
        JsonNode s = json.path("stream");
        if (wireFormat == WireFormat.OLLAMA) {
            return !(s.isBoolean() && !s.asBoolean());
        }
        return s.asBoolean(false);
    }

    /** @return the text of the last {@code user} message (Ollama generate: the {@code prompt}) */
    public Optional<String> lastUserMessage() {
        if (json.path("prompt").isTextual()) {
            return Optional.of(json.path("prompt").asText());
        }
        String last = null;
        for (JsonNode m : json.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                last = text(m.path("content"));
            }
        }
        return Optional.ofNullable(last);
    }

    /** @return the text of every message, system prompt and prompt, joined with newlines; never null */
    public String allText() {
        List<String> parts = new ArrayList<>();
        for (String field : new String[] {"system", "prompt"}) {
            if (!json.path(field).isMissingNode()) {
                parts.add(text(json.path(field)));
            }
        }
        for (JsonNode m : json.path("messages")) {
            parts.add(text(m.path("content")));
        }
        return String.join("\n", parts);
    }

    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("text").isTextual()) {
                sb.append(part.path("text").asText());
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "RecordedRequest[#" + sequence + " " + method + " " + target + " " + body.length + " bytes]";
    }
}
