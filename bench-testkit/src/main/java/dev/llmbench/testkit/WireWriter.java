package dev.llmbench.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes responses to one socket, unbuffered: each call goes to the socket at once, so the times
 * taken after a call are write times. Handles chunked framing, fragmented writes and byte-level
 * faults. Not thread-safe (one per connection). Not API.
 */
final class WireWriter {

    private final Socket socket;
    private final OutputStream out;
    private boolean chunked;
    private long bytes;
    private long bodyBytes;
    private int fragmentBytes;
    private boolean splitUtf8;
    private long pauseNanos;

    WireWriter(Socket socket, OutputStream out) {
        this.socket = socket;
        this.out = out;
    }

    /** Resets per-exchange state: byte count, framing, fragmentation. */
    void begin(ReplySpec spec) {
        bytes = 0;
        bodyBytes = 0;
        chunked = false;
        fragmentBytes = spec == null ? 0 : spec.fragmentBytes;
        splitUtf8 = spec != null && spec.splitInsideUtf8;
        pauseNanos = spec == null ? 0 : spec.fragmentPause.toNanos();
    }

    /** @return bytes written in this exchange, status line, headers and chunk framing included */
    long bytesWritten() {
        return bytes;
    }

    /** @return body payload bytes written in this exchange (chunk framing excluded) */
    long bodyBytes() {
        return bodyBytes;
    }

    /**
     * Writes the status line and headers. {@code contentLength} &lt; 0 selects chunked framing.
     * Headers in {@code extra} replace generated ones of the same name (case-insensitive).
     */
    void head(int status, String contentType, long contentLength, Map<String, String> extra, boolean close,
            boolean sse) throws IOException {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Content-Type", contentType});
        headers.add(new String[] {"Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))});
        if (sse) {
            headers.add(new String[] {"Cache-Control", "no-cache"});
        }
        chunked = contentLength < 0;
        headers.add(chunked ? new String[] {"Transfer-Encoding", "chunked"}
                : new String[] {"Content-Length", Long.toString(contentLength)});
        if (close) {
            headers.add(new String[] {"Connection", "close"});
        }
        extra.forEach((name, value) -> {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
        });
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        sb.append("\r\n");
        raw(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes one frame of body bytes: one HTTP chunk per fragment when chunked, raw bytes otherwise. */
    void frame(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        List<int[]> pieces = pieces(data);
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0 && pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("interrupted");
                }
            }
            int[] p = pieces.get(i);
            bodyBytes += p[1];
            if (chunked) {
                byte[] sizeLine = (Integer.toHexString(p[1]) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                byte[] framed = new byte[sizeLine.length + p[1] + 2];
                System.arraycopy(sizeLine, 0, framed, 0, sizeLine.length);
                System.arraycopy(data, p[0], framed, sizeLine.length, p[1]);
                framed[framed.length - 2] = '\r';
                framed[framed.length - 1] = '\n';
                raw(framed);
            } else {
                out.write(data, p[0], p[1]);
                out.flush();
                bytes += p[1];
            }
        }
    }

    /** Ends a chunked body with the zero-length chunk. */
    void endBody() throws IOException {
        if (chunked) {
            raw("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Sends a TCP RST: SO_LINGER 0, then close. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly();
    }

    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    private void raw(byte[] data) throws IOException {
        out.write(data);
        out.flush();
        bytes += data.length;
    }

    /** Cut points as {offset, length}: split inside the first multi-byte character, then by size. */
    private List<int[]> pieces(byte[] data) {
        List<int[]> cuts = new ArrayList<>();
        int split = -1;
        if (splitUtf8) {
            for (int i = 0; i < data.length; i++) {
                if ((data[i] & 0xC0) == 0xC0) {
                    split = i + 1;
                    break;
                }
            }
        }
        int[] bounds = split > 0 ? new int[] {0, split, data.length} : new int[] {0, data.length};
        for (int b = 0; b + 1 < bounds.length; b++) {
            int from = bounds[b];
            int to = bounds[b + 1];
            int max = fragmentBytes > 0 ? fragmentBytes : Integer.MAX_VALUE;
            for (int off = from; off < to; ) {
                int len = Math.min(max, to - off);
                cuts.add(new int[] {off, len});
                off += len;
            }
        }
        return cuts;
    }

    static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 402: return "Payment Required";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 413: return "Payload Too Large";
            case 422: return "Unprocessable Entity";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            case 529: return "Site Overloaded";
            default: return "Status " + status;
        }
    }
}
