package dev.llmbench.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The server-side metrics an Ollama final chunk ({@code done:true}) reports, all in integer
 * nanoseconds: {@code total_duration}, {@code load_duration}, {@code prompt_eval_duration},
 * {@code eval_duration}, beside the token counts {@code prompt_eval_count} and {@code eval_count}
 * (taken from {@link Reply#usage}).
 *
 * <p>Four styles: {@link #measured()} (the default: durations derived from the real schedule of
 * the exchange, never zero), {@link #of fixed values}, {@link #cloudStyle} (Ollama Cloud omits
 * {@code load_duration}, {@code prompt_eval_duration} and {@code eval_duration}) and
 * {@link #omitted()} (no metrics and no counts, like old servers or a cut-short response).
 * Ollama serializes these fields with {@code omitempty}, so a zero fixed value is omitted too.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ServerTimings {

    enum Style { MEASURED, FIXED, CLOUD, OMITTED }

    private static final ServerTimings MEASURED = new ServerTimings(Style.MEASURED, 0, 0, 0, 0);
    private static final ServerTimings OMITTED = new ServerTimings(Style.OMITTED, 0, 0, 0, 0);

    private final Style style;
    private final long totalNanos;
    private final long loadNanos;
    private final long promptEvalNanos;
    private final long evalNanos;

    private ServerTimings(Style style, long totalNanos, long loadNanos, long promptEvalNanos, long evalNanos) {
        this.style = style;
        this.totalNanos = totalNanos;
        this.loadNanos = loadNanos;
        this.promptEvalNanos = promptEvalNanos;
        this.evalNanos = evalNanos;
    }

    /** @return durations derived from the exchange's real schedule (the default), never null */
    public static ServerTimings measured() {
        return MEASURED;
    }

    /** @return no metrics and no token counts on the final chunk, never null */
    public static ServerTimings omitted() {
        return OMITTED;
    }

    /**
     * Fixed durations, reported verbatim in nanoseconds.
     *
     * @param total {@code total_duration}, not negative
     * @param load {@code load_duration}, not negative
     * @param promptEval {@code prompt_eval_duration}, not negative
     * @param eval {@code eval_duration}, not negative
     * @return the timings, never null
     * @throws IllegalArgumentException if a duration is negative
     */
    public static ServerTimings of(Duration total, Duration load, Duration promptEval, Duration eval) {
        return new ServerTimings(Style.FIXED, nanos("total", total), nanos("load", load),
                nanos("promptEval", promptEval), nanos("eval", eval));
    }

    /**
     * Ollama Cloud style: only {@code total_duration} and the two counts.
     *
     * @param total {@code total_duration}, not negative
     * @return the timings, never null
     */
    public static ServerTimings cloudStyle(Duration total) {
        return new ServerTimings(Style.CLOUD, nanos("total", total), 0, 0, 0);
    }

    private static long nanos(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " (" + d + ") must not be negative");
        }
        return d.toNanos();
    }

    Style style() {
        return style;
    }

    long totalNanos() {
        return totalNanos;
    }

    long loadNanos() {
        return loadNanos;
    }

    long promptEvalNanos() {
        return promptEvalNanos;
    }

    long evalNanos() {
        return evalNanos;
    }

    @Override
    public String toString() {
        return "ServerTimings[" + style + (style == Style.FIXED || style == Style.CLOUD
                ? " total=" + totalNanos + "ns load=" + loadNanos + "ns promptEval=" + promptEvalNanos
                        + "ns eval=" + evalNanos + "ns" : "") + "]";
    }
}
