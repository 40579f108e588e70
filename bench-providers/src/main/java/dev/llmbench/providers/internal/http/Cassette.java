package dev.llmbench.providers.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One recorded HTTP exchange and its JSON file format ({@value #SCHEMA}): the request (method,
 * path, non-secret headers, body), the response head, every body chunk with its arrival offset,
 * how the exchange ended and the terminal event the listener saw. Offsets are nanoseconds since
 * the request was sent. Immutable; package-private.
 *
 * @param source    the provider configuration that recorded it
 * @param key       {@link #key} of the request
 * @param sequence  0 for the first recording of this key in the directory, 1 for the next…
 * @param request   the request
 * @param head      the response head, or null when none arrived
 * @param chunks    the body chunks in arrival order
 * @param end       how the HTTP exchange ended
 * @param outcome   the terminal event: the error, or null when the stream completed
 * @param finish    the completed stream's finish reason id, or null when it failed
 */
record Cassette(CassetteSource source, String key, int sequence, Request request, Head head, List<Chunk> chunks,
        End end, ProviderError outcome, String finish) {

    /** The schema id written into every cassette. */
    static final String SCHEMA = "llmbench.cassette/v1";

    /** Request headers worth keeping: none of them carries a credential. */
    private static final Set<String> REQUEST_HEADERS = Set.of("content-type", "accept", "anthropic-version",
            "anthropic-beta", "http-referer", "x-title", "x-openrouter-title", "user-agent");

    Cassette {
        chunks = List.copyOf(chunks);
    }

    /**
     * @param method           GET or POST
     * @param path             raw path and query
     * @param headers          the whitelisted request headers (lowercase names)
     * @param credentialHeaders names of headers that carried a credential (values never stored)
     * @param body             the body as sent (API key replaced when it appeared in it)
     */
    record Request(String method, String path, Map<String, String> headers, List<String> credentialHeaders,
            byte[] body) {}

    /** The response head: arrival offset, status, filtered headers in order, whether a body followed. */
    record Head(long atNanos, int status, List<Map.Entry<String, String>> headers, boolean hasBody) {}

    /** One body chunk as it arrived. */
    record Chunk(long atNanos, byte[] bytes) {}

    /** How the HTTP exchange ended. */
    enum EndKind {
        /** The body ended (EOF) and the exchange saw it. */
        EOF,
        /** The connection failed (reset, refused…). */
        TRANSPORT_FAILURE,
        /** The client stopped first: the parser finished or failed, a timeout, a cancel, the size cap. */
        STOPPED
    }

    /** @param exception the transport exception's class name, or null */
    record End(EndKind kind, long atNanos, String exception) {}

    /** The replay key: SHA-256 over method, raw path and query, and body, in lowercase hex. */
    static String key(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(method.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The key of {@code call}. */
    static String key(HttpCall call) {
        return key(call.method(), pathOf(call.uri()), call.body());
    }

    /** The raw path and query of {@code uri}. */
    static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The file name: {@code KEY-SEQUENCE.json}. */
    static String fileName(String key, int sequence) {
        return key + "-" + String.format(Locale.ROOT, "%04d", sequence) + ".json";
    }

    /** Whether a header name may carry a credential or session (never stored). */
    static boolean secretHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization") || n.contains("cookie")
                || n.contains("api-key") || n.contains("apikey") || n.contains("api_key") || n.contains("secret")
                || n.contains("password") || n.contains("credential") || n.contains("session")
                || n.endsWith("-token") || n.endsWith("_token") || n.equals("token");
    }

    /** Whether a request header is stored (whitelisted and not secret). */
    static boolean keptRequestHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return REQUEST_HEADERS.contains(n) && !secretHeader(n);
    }

    /** The cassette as pretty-printed JSON. */
    String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("key", key);
        root.put("sequence", sequence);
        ObjectNode src = root.putObject("source");
        src.put("provider", source.provider());
        src.put("model", source.model());
        src.put("base_url", source.baseUrl());
        ObjectNode extras = src.putObject("config_extras");
        new java.util.TreeMap<>(source.configExtras()).forEach(extras::put);
        src.put("connect_timeout_ms", source.connectTimeout().toMillis());
        src.put("request_timeout_ms", source.requestTimeout().toMillis());
        ObjectNode req = root.putObject("request");
        req.put("method", request.method());
        req.put("path", request.path());
        ObjectNode rh = req.putObject("headers");
        new java.util.TreeMap<>(request.headers()).forEach(rh::put);
        ArrayNode creds = req.putArray("credential_headers");
        request.credentialHeaders().forEach(creds::add);
        String text = utf8(request.body());
        if (text != null) {
            req.put("body", text);
        } else {
            req.put("body_base64", Base64.getEncoder().encodeToString(request.body()));
        }
        if (head == null) {
            root.putNull("response");
        } else {
            ObjectNode h = root.putObject("response");
            h.put("at_ns", head.atNanos());
            h.put("status", head.status());
            ArrayNode hs = h.putArray("headers");
            head.headers().forEach(e -> hs.addArray().add(e.getKey()).add(e.getValue()));
            h.put("has_body", head.hasBody());
        }
        ArrayNode cs = root.putArray("chunks");
        for (Chunk c : chunks) {
            cs.addObject().put("at_ns", c.atNanos()).put("base64", Base64.getEncoder().encodeToString(c.bytes()));
        }
        ObjectNode e = root.putObject("end");
        e.put("kind", end.kind().name().toLowerCase(Locale.ROOT));
        e.put("at_ns", end.atNanos());
        if (end.exception() != null) {
            e.put("exception", end.exception());
        }
        ObjectNode o = root.putObject("outcome");
        if (outcome == null) {
            o.put("event", "completed");
            o.put("finish_reason", finish);
        } else {
            o.put("event", "failed");
            o.put("class", outcome.errorClass().id());
            o.put("message", outcome.message());
            o.put("http_status", outcome.httpStatusCode());
            o.put("retry_after_ms", outcome.retryAfterMillis());
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException ex) {
            throw new IllegalStateException("cannot serialise a cassette", ex);
        }
    }

    /** Reads the source, key and sequence of a cassette (the index needs nothing more). */
    static Header header(JsonNode root) {
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new IllegalArgumentException("not a " + SCHEMA + " file");
        }
        JsonNode src = root.path("source");
        Map<String, String> extras = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = src.path("config_extras").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            extras.put(f.getKey(), f.getValue().asText());
        }
        CassetteSource source = new CassetteSource(required(src, "provider").asText(), required(src, "model").asText(),
                required(src, "base_url").asText(), extras, Duration.ofMillis(src.path("connect_timeout_ms").asLong(10_000)),
                Duration.ofMillis(src.path("request_timeout_ms").asLong(300_000)));
        return new Header(source, required(root, "key").asText(), required(root, "sequence").asInt());
    }

    /** What the index keeps of a cassette file. */
    record Header(CassetteSource source, String key, int sequence) {}

    /** Parses a whole cassette. @throws IllegalArgumentException when a field is missing or wrong */
    static Cassette parse(JsonNode root) {
        Header hd = header(root);
        JsonNode req = required(root, "request");
        Map<String, String> headers = new LinkedHashMap<>();
        req.path("headers").fields().forEachRemaining(f -> headers.put(f.getKey(), f.getValue().asText()));
        List<String> creds = new ArrayList<>();
        req.path("credential_headers").forEach(n -> creds.add(n.asText()));
        byte[] body = req.has("body_base64") ? Base64.getDecoder().decode(req.get("body_base64").asText())
                : req.path("body").asText("").getBytes(StandardCharsets.UTF_8);
        Request request = new Request(required(req, "method").asText(), required(req, "path").asText(), headers, creds,
                body);
        Head head = null;
        JsonNode h = root.path("response");
        if (h.isObject()) {
            List<Map.Entry<String, String>> hs = new ArrayList<>();
            h.path("headers").forEach(p -> hs.add(Map.entry(p.path(0).asText(), p.path(1).asText())));
            head = new Head(h.path("at_ns").asLong(), required(h, "status").asInt(), hs, h.path("has_body").asBoolean(true));
        }
        List<Chunk> chunks = new ArrayList<>();
        for (JsonNode c : root.path("chunks")) {
            chunks.add(new Chunk(c.path("at_ns").asLong(), Base64.getDecoder().decode(required(c, "base64").asText())));
        }
        JsonNode e = required(root, "end");
        End end = new End(EndKind.valueOf(required(e, "kind").asText().toUpperCase(Locale.ROOT)), e.path("at_ns").asLong(),
                e.hasNonNull("exception") ? e.get("exception").asText() : null);
        JsonNode o = required(root, "outcome");
        ProviderError outcome = null;
        String finish = null;
        if ("failed".equals(o.path("event").asText())) {
            int status = o.path("http_status").asInt(0);
            outcome = new ProviderError(ErrorClass.fromId(required(o, "class").asText()), o.path("message").asText(""),
                    status, o.path("retry_after_ms").asLong(-1));
        } else {
            finish = o.path("finish_reason").asText("stop");
        }
        return new Cassette(hd.source(), hd.key(), hd.sequence(), request, head, chunks, end, outcome, finish);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing");
        }
        return v;
    }

    /** The bytes as text when they are valid UTF-8, else null. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
