package dev.llmbench.core.model;

/**
 * Durations measured by the model server itself (Ollama's final chunk), in nanoseconds, or
 * {@value #UNKNOWN} when not reported. Kept beside the client's own timings, never in place of them.
 *
 * @param totalNanos      the server's total time
 * @param loadNanos       model load time (a large value exposes a cold start)
 * @param promptEvalNanos prompt processing time
 * @param evalNanos       generation time
 * @since 0.1
 */
public record ServerTimings(long totalNanos, long loadNanos, long promptEvalNanos, long evalNanos) {
    /** Marks a duration that was not reported. */
    public static final long UNKNOWN = -1;
    /** Nothing reported. */
    public static final ServerTimings NONE = new ServerTimings(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
}
