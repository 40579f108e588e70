package dev.llmbench.examples.anchor;

/**
 * One measured request of {@code client.json}. Every stamp is a {@link System#nanoTime()} reading
 * (CLOCK_MONOTONIC on Linux, comparable with the fake server's {@code time.monotonic_ns()}).
 * Immutable apart from the stamp array, which nothing writes after construction.
 *
 * @param requestId the request id, sent as header {@code X-Req-Id}
 * @param url       the server's base URL
 * @param startNs   {@code t_start_ns}: llmbench's start stamp, taken right before {@code Provider.stream}
 * @param stampsNs  {@code stamps_ns}: one stamp per token line, in arrival order (the done line excluded)
 * @param doneNs    {@code t_done_ns}: the stamp of the terminal event of a completed stream, or {@link #NONE}
 * @param ttftNs    {@code ttft_ns}: llmbench's time to first token, nanoseconds, or {@link #NONE}
 * @param error     null when the stream completed, else the error class and message
 */
record RequestResult(String requestId, String url, long startNs, long[] stampsNs, long doneNs, long ttftNs,
        String error) {
    /** An absent stamp or duration (written as JSON null). */
    static final long NONE = Long.MIN_VALUE;
}
