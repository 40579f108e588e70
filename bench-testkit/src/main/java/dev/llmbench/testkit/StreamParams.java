package dev.llmbench.testkit;

import java.util.Optional;

/**
 * The schedule of one fixed streamed reply of the load server: first token {@code ttftNanos}
 * after the request was read, then one every {@code itlNanos}, then the terminal line
 * {@code doneGapNanos} after the last token. Immutable and thread-safe.
 *
 * @param ttftNanos request read to first token, nanoseconds, 0 to 1 hour
 * @param itlNanos between consecutive tokens, nanoseconds, 0 to 1 hour
 * @param tokens token lines per reply, 1 to 1,000,000
 * @param doneGapNanos last token to the terminal line, nanoseconds, 0 to 1 hour
 * @since 0.1
 */
public record StreamParams(long ttftNanos, long itlNanos, int tokens, long doneGapNanos) {

    /** Per-request override header: TTFT in milliseconds (decimal). */
    public static final String TTFT_HEADER = "X-Fake-Ttft-Ms";
    /** Per-request override header: inter-token gap in milliseconds (decimal). */
    public static final String ITL_HEADER = "X-Fake-Itl-Ms";
    /** Per-request override header: number of token lines. */
    public static final String TOKENS_HEADER = "X-Fake-Tokens";
    /** Per-request override header: last token to the done line, milliseconds (decimal). */
    public static final String DONE_GAP_HEADER = "X-Fake-Done-Gap-Ms";

    static final int MAX_TOKENS = 1_000_000;
    private static final double MAX_MS = 3_600_000;

    /**
     * @throws IllegalArgumentException if a value is out of range
     */
    public StreamParams {
        checkNanos("ttft", ttftNanos);
        checkNanos("itl", itlNanos);
        checkNanos("done gap", doneGapNanos);
        if (tokens < 1 || tokens > MAX_TOKENS) {
            throw new IllegalArgumentException("tokens (" + tokens + ") must be in 1.." + MAX_TOKENS);
        }
    }

    /**
     * Builds the parameters from milliseconds.
     *
     * @param ttftMs 0 to 3,600,000
     * @param itlMs 0 to 3,600,000
     * @param tokens 1 to 1,000,000
     * @param doneGapMs 0 to 3,600,000
     * @return the parameters, never null
     * @throws IllegalArgumentException naming the bad value
     */
    public static StreamParams ofMillis(double ttftMs, double itlMs, int tokens, double doneGapMs) {
        return new StreamParams(nanos("ttft-ms", ttftMs), nanos("itl-ms", itlMs), tokens,
                nanos("done-gap-ms", doneGapMs));
    }

    /**
     * These defaults with the request's override headers applied; the done gap follows the ITL
     * override unless {@value #DONE_GAP_HEADER} is given.
     *
     * @param request the chat request, never null
     * @return the parameters for this request, never null
     * @throws IllegalArgumentException naming the header whose value is bad
     */
    public StreamParams forRequest(RecordedRequest request) {
        double ttft = header(request, TTFT_HEADER).map(v -> millis(TTFT_HEADER, v)).orElse(ttftNanos / 1e6);
        Optional<Double> itlOverride = header(request, ITL_HEADER).map(v -> millis(ITL_HEADER, v));
        double itl = itlOverride.orElse(itlNanos / 1e6);
        int n = header(request, TOKENS_HEADER).map(StreamParams::tokens).orElse(tokens);
        double gap = header(request, DONE_GAP_HEADER).map(v -> millis(DONE_GAP_HEADER, v))
                .orElse(itlOverride.isPresent() ? itl : doneGapNanos / 1e6);
        if (header(request, TTFT_HEADER).isEmpty() && itlOverride.isEmpty() && n == tokens
                && header(request, DONE_GAP_HEADER).isEmpty()) {
            return this;
        }
        return ofMillis(ttft, itl, n, gap);
    }

    /** @return the scheduled deadline of line {@code i} (0..tokens; {@code tokens} is the done line) of a request read at {@code readNanos} */
    public long deadline(long readNanos, int i) {
        long last = readNanos + ttftNanos + (long) (tokens - 1) * itlNanos;
        return i < tokens ? readNanos + ttftNanos + (long) i * itlNanos : last + doneGapNanos;
    }

    private static Optional<String> header(RecordedRequest request, String name) {
        return request.header(name).map(String::trim);
    }

    private static double millis(String name, String value) {
        double ms;
        try {
            ms = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a number of milliseconds");
        }
        nanos(name, ms);
        return ms;
    }

    private static int tokens(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TOKENS_HEADER + ": '" + value + "' is not a whole number");
        }
    }

    static long nanos(String name, double ms) {
        if (!(ms >= 0 && ms <= MAX_MS)) {
            throw new IllegalArgumentException(name + " (" + ms + ") must be a number of milliseconds in 0..3600000");
        }
        return Math.round(ms * 1e6);
    }

    private static void checkNanos(String name, long nanos) {
        if (nanos < 0 || nanos > (long) (MAX_MS * 1e6)) {
            throw new IllegalArgumentException(name + " (" + nanos + " ns) must be in 0..1 hour");
        }
    }
}
