package dev.llmbench.graders.code;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains one output stream of a child process on its own thread with bounded memory: keeps at most
 * {@code keep} bytes, counts every byte against a cap shared by stdout and stderr, and stops reading
 * (and calls {@code onOverflow}, which kills the child) as soon as the cap is exceeded. When a
 * marker is given, lines containing it are collected (the text after the marker); lines longer than
 * {@value #MAX_LINE} bytes are never marker lines.
 *
 * <p>Not thread-safe except for {@link #markedLines()} and {@link #text()}, which may be read after
 * the reading thread has ended (or concurrently, under the collector's lock).
 */
final class OutputCollector implements Runnable {
    static final int MAX_LINE = 4096;

    private final InputStream in;
    private final AtomicLong total;
    private final long cap;
    private final int keep;
    private final byte[] marker;
    private final Runnable onOverflow;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> marked;
    private boolean overlong;

    OutputCollector(InputStream in, AtomicLong total, long cap, int keep, String marker, List<String> marked,
            Runnable onOverflow) {
        this.in = in;
        this.total = total;
        this.cap = cap;
        this.keep = keep;
        this.marker = marker == null ? null : marker.getBytes(StandardCharsets.UTF_8);
        this.marked = marked;
        this.onOverflow = onOverflow;
    }

    @Override
    public void run() {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                long after = total.addAndGet(n);
                int usable = after > cap ? (int) Math.max(0, n - (after - cap)) : n;
                accept(buf, usable);
                if (after > cap) {
                    onOverflow.run();
                    return;
                }
            }
        } catch (IOException e) {
            // the stream was closed because the child was killed or its descendants kept the pipe open
        }
    }

    private synchronized void accept(byte[] buf, int n) {
        int room = keep - kept.size();
        if (room > 0) {
            kept.write(buf, 0, Math.min(room, n));
        }
        if (marker == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            byte b = buf[i];
            if (b == '\n') {
                if (!overlong) {
                    scan(line.toByteArray());
                }
                line.reset();
                overlong = false;
            } else if (!overlong) {
                if (line.size() >= MAX_LINE) {
                    overlong = true;
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
    }

    private void scan(byte[] bytes) {
        int at = indexOf(bytes, marker);
        if (at >= 0) {
            marked.add(new String(bytes, at + marker.length, bytes.length - at - marker.length, StandardCharsets.UTF_8)
                    .strip());
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The kept bytes decoded as UTF-8 (malformed input replaced). */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
