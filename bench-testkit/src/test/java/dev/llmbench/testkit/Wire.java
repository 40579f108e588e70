package dev.llmbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Test clients: the JDK HttpClient, and a minimal raw-socket HTTP/1.1 response reader. */
final class Wire {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Wire() {
    }

    static HttpResponse<String> post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    static List<JsonNode> ndjson(String body) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(json(line));
            }
        }
        return out;
    }

    /** One SSE item: a comment, or an event with its name (may be null) and data. */
    record Sse(String comment, String event, String data) {
        boolean isComment() {
            return comment != null;
        }

        JsonNode json() {
            return Wire.json(data);
        }
    }

    /** Parses SSE per the spec's line rules (LF, CRLF or CR). */
    static List<Sse> sse(String body) {
        List<Sse> out = new ArrayList<>();
        String event = null;
        StringBuilder data = null;
        for (String line : body.split("\r\n|\n|\r", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    out.add(new Sse(null, event, data.toString()));
                }
                event = null;
                data = null;
            } else if (line.startsWith(":")) {
                out.add(new Sse(line.substring(1).trim(), null, null));
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return out;
    }

    static List<Sse> events(List<Sse> all) {
        return all.stream().filter(s -> !s.isComment()).toList();
    }

    /** A response read off a raw socket. */
    record RawResponse(int status, Map<String, String> headers, byte[] body, List<Integer> chunkSizes) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static byte[] request(String method, String path, String json, boolean close) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Reads exactly one response (Content-Length or chunked); chunkSizes lists the HTTP chunk sizes. */
    static RawResponse readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("EOF before status line");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int c = l.indexOf(':');
            headers.put(l.substring(0, c).trim(), l.substring(c + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        if ("chunked".equals(headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT))) {
            while (true) {
                String sizeLine = line(in);
                if (sizeLine == null) {
                    throw new IOException("EOF inside chunked body");
                }
                int size = Integer.parseInt(sizeLine.trim(), 16);
                if (size == 0) {
                    line(in);
                    break;
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new IOException("EOF inside chunk");
                }
                sizes.add(size);
                body.writeBytes(chunk);
                line(in);
            }
        } else if (headers.containsKey("Content-Length")) {
            int n = Integer.parseInt(headers.get("Content-Length"));
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw new IOException("EOF inside body: " + b.length + " of " + n);
            }
            body.writeBytes(b);
        }
        return new RawResponse(Integer.parseInt(status.split(" ")[1]), headers, body.toByteArray(), sizes);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
