package dev.llmbench.core.compare;

/**
 * A figure that a result source may lack. Outputs print a lacking figure as
 * {@code — (seed file has no CI)} instead of inventing it.
 *
 * @since 0.1
 */
public enum Figure {
    /** Confidence intervals of scores, pass rates, quality and reliability. */
    CI("CI"),
    /** Latency, TTFT and throughput percentiles (one request per test is not a distribution). */
    PERCENTILES("percentiles"),
    /** Repeated trials of the same case (one request per test). */
    TRIALS("repeated trials"),
    /** Itemised checks behind each score. */
    CHECKS("itemised checks"),
    /** Full response texts (a 500-character preview at most). */
    RESPONSES("full responses"),
    /** Inter-token latencies. */
    ITL("inter-token latencies"),
    /** Cost. */
    COST("cost"),
    /** Error classes (llmbench infers them from the error messages). */
    ERROR_CLASSES("error classes");

    private final String noun;

    Figure(String noun) {
        this.noun = noun;
    }

    /** What the figure is called in {@code "— (seed file has no <noun>)"}; never null. */
    public String noun() {
        return noun;
    }
}
