package dev.llmbench.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads HTTP/1.1 requests from a connection: request line, headers, and a body framed by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}. Not thread-safe (one per
 * connection). Not API.
 */
final class HttpRequestReader {

    static final int MAX_LINE = 64 * 1024;
    static final int MAX_HEADERS = 200;
    static final long MAX_BODY = 64L * 1024 * 1024;

    /** A request that could not be parsed; answered with 400 and a closed connection. */
    static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    /** One parsed request. */
    record Raw(String method, String target, String version, Map<String, List<String>> headers, byte[] body,
            long receivedNanos) {

        String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        boolean wantsClose() {
            String c = header("Connection");
            if (c != null && c.toLowerCase(Locale.ROOT).contains("close")) {
                return true;
            }
            return "HTTP/1.0".equals(version) && (c == null || !c.toLowerCase(Locale.ROOT).contains("keep-alive"));
        }
    }

    private final InputStream in;
    private final OutputStream out;

    /**
     * @param in a buffered stream of the socket
     * @param out the socket's output, for {@code 100 Continue}
     */
    HttpRequestReader(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** @return the next request, or null when the peer closed the connection between requests */
    Raw next() throws IOException {
        String requestLine = readLine(true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(true); // tolerate stray CRLF between requests (RFC 9112 2.2)
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest("bad request line: " + requestLine);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int count = 0;
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            if (++count > MAX_HEADERS) {
                throw new BadRequest("too many headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest("bad header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        List<String> expect = headers.get("Expect");
        if (expect != null && expect.stream().anyMatch(v -> v.equalsIgnoreCase("100-continue"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(headers);
        return new Raw(parts[0], parts[1], parts[2], headers, body, System.nanoTime());
    }

    private byte[] readBody(Map<String, List<String>> headers) throws IOException {
        List<String> te = headers.get("Transfer-Encoding");
        if (te != null && te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            return readChunked();
        }
        List<String> cl = headers.get("Content-Length");
        if (cl == null) {
            return new byte[0];
        }
        long length;
        try {
            length = Long.parseLong(cl.get(0).trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("bad Content-Length: " + cl.get(0));
        }
        if (length < 0 || length > MAX_BODY) {
            throw new BadRequest("Content-Length " + length + " out of range 0.." + MAX_BODY);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new IOException("connection closed inside the request body");
        }
        return body;
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new BadRequest("bad chunk size: " + sizeLine);
            }
            if (size < 0 || body.size() + size > MAX_BODY) {
                throw new BadRequest("chunked body larger than " + MAX_BODY + " bytes");
            }
            if (size == 0) {
                while (!readLine(false).isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length != size) {
                throw new IOException("connection closed inside a request chunk");
            }
            body.write(data);
            if (!readLine(false).isEmpty()) {
                throw new BadRequest("chunk not followed by CRLF");
            }
        }
    }

    /** Reads up to LF, dropping a CR before it; null only when {@code eofAllowed} and EOF comes first. */
    private String readLine(boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside the request head");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > MAX_LINE) {
                throw new BadRequest("request line or header longer than " + MAX_LINE + " bytes");
            }
        }
    }
}
