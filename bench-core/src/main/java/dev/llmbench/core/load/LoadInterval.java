package dev.llmbench.core.load;

/**
 * One slice of a load run's timeline. Counts are of events whose time falls in
 * {@code [startMs, startMs + widthMs)}; in-flight counts are of requests sent and not yet ended.
 * Immutable and thread-safe.
 *
 * @param startMs       the slice's start, milliseconds since the load phase began
 * @param widthMs       the slice's width in milliseconds, positive
 * @param arrivals      requests whose intended send time falls in the slice
 * @param sent          requests handed to the provider in the slice
 * @param completed     requests that ended in the slice, successes and failures
 * @param errors        of {@code completed}, the failures
 * @param good          of {@code completed}, those that met the SLO
 * @param inFlightMax   the most requests in flight at any instant of the slice
 * @param inFlightEnd   requests in flight at the slice's end
 * @since 0.1
 */
public record LoadInterval(long startMs, long widthMs, int arrivals, int sent, int completed, int errors, int good,
        int inFlightMax, int inFlightEnd) {

    /** Requests that ended in the slice per second of it. */
    public double completedPerSecond() {
        return completed * 1000.0 / widthMs;
    }
}
