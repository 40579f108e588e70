package dev.llmbench.examples.bench;

import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import dev.llmbench.providers.internal.http.BodyHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;

/**
 * An estimate of the heap one in-flight stream retains in the harness: N streams (a body handler
 * with its line and SSE decoders, the exchange-style emitter, a {@link TimedListener} with its
 * response assembler) are kept alive together, and the heap in use after {@code System.gc()} is
 * compared with the heap before they existed. Measured twice: idle (created and started, no bytes
 * yet) and mid-stream (after {@code K} content deltas, before the end of the body), where the
 * response text is subtracted to give the bytes retained beyond it. The ticker advances 50 ms per
 * reading so that inter-token gaps look like a real stream's.
 *
 * <p>Not JMH: run {@code java -XX:+UseSerialGC -cp bench-examples/target/benchmarks.jar
 * dev.llmbench.examples.bench.StreamMemoryEstimate [N] [K...]}. An estimate: the heap figure
 * includes whatever else the JVM allocated meanwhile (small next to N streams).
 */
public final class StreamMemoryEstimate {
    private StreamMemoryEstimate() {}

    /** @param args N (default 10,000), then mid-stream token counts (default 100 500) */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int[] ks = args.length > 1 ? new int[args.length - 1] : new int[] {100, 500};
        for (int i = 1; i < args.length; i++) {
            ks[i - 1] = Integer.parseInt(args[i]);
        }
        // warm up the classes (Jackson, handlers) so that their one-time cost is not counted
        for (StreamingWire.Format f : StreamingWire.Format.values()) {
            measure(f, 100, 10, false);
        }
        System.out.printf("N = %,d streams per measurement; bytes per stream (heap delta / N)%n", n);
        for (StreamingWire.Format f : StreamingWire.Format.values()) {
            long idle = measure(f, n, 0, true);
            System.out.printf("%-7s idle (created, started, no bytes): %,d B%n", f, idle);
            for (int k : ks) {
                long mid = measure(f, n, k, true);
                long text = (long) k * StreamingWire.TOKEN.length(); // Latin-1 compact strings: 1 byte per char
                System.out.printf("%-7s after %,d tokens: %,d B; minus %,d B of text: %,d B beyond the text "
                        + "(%.1f B per token received)%n", f, k, mid, text, mid - text, (mid - text - idle) / (double) k);
            }
        }
    }

    /** Heap retained per stream, in bytes, for {@code n} streams each fed {@code k} deltas. */
    private static long measure(StreamingWire.Format f, int n, int k, boolean report) {
        byte[] prefix = prefix(f, k);
        long before = usedAfterGc();
        Object[] keep = new Object[n];
        long[] clock = {0};
        Ticker ticker = () -> clock[0] += 50_000_000L;
        for (int i = 0; i < n; i++) {
            BodyHandler h = StreamingWire.handler(f);
            TimedListener l = new TimedListener(ticker, e -> { }).start();
            StreamingWire.LockedEmitter out = new StreamingWire.LockedEmitter(l);
            if (prefix.length > 0) {
                for (ByteBuffer p : StreamingWire.pieces(prefix, i)) {
                    h.onBytes(p, out);
                }
            }
            keep[i] = new Object[] {h, out, l};
        }
        long after = usedAfterGc();
        if (keep.length != n) {
            throw new AssertionError();
        }
        // the array of references itself: 16 B header + 4 B per slot, and a 24 B holder per stream
        long overhead = 16 + 4L * n + 24L * n;
        return (after - before - overhead) / n;
    }

    /** The first {@code k} delta lines of the body (a whole number of lines). */
    private static byte[] prefix(StreamingWire.Format f, int k) {
        byte[] body = StreamingWire.body(f);
        int perEvent = f == StreamingWire.Format.OLLAMA ? 1 : 2; // SSE: a data line and a blank line
        int lines = 0;
        for (int i = 0; i < body.length; i++) {
            if (lines == k * perEvent) {
                return java.util.Arrays.copyOf(body, i);
            }
            if (body[i] == '\n') {
                lines++;
            }
        }
        return body;
    }

    private static long usedAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return m.getHeapMemoryUsage().getUsed();
    }
}
